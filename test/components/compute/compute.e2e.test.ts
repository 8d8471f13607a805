/**
 * Compute placement through the real program: in the managed network (prod)
 * or, with managedNetwork.isolationMode Disabled, in the customer network's
 * training subnet; never with node public IPs, never with local auth or SSH.
 */
import type { CapturedResource } from "../../../offline/graph";
import { runStack, type StackRun } from "../../../offline/run-stack";
import { readStackConfig } from "../../../offline/stack-file";
import { allOfType, at, baseConfig, oneOfType, runPlatform } from "../../helpers/stack";
import { platformPart } from "../../helpers/stack";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const USER = "22222222-2222-2222-2222-222222222222";

let prod: StackRun;
let vnet: StackRun;

beforeAll(async () => {
    prod = platformPart(await runStack({ stack: "prod", config: readStackConfig("prod") }));
    vnet = await runPlatform(
        baseConfig({
            network: {
                virtualNetwork: {
                    addressSpace: ["10.30.0.0/16"],
                    subnets: { privateEndpoints: { addressPrefix: "10.30.0.0/24" }, training: { addressPrefix: "10.30.4.0/22" } },
                },
            },
            workspace: { managedNetwork: { isolationMode: "Disabled" }, imageBuildCompute: "gpu" },
            compute: {
                clusters: { gpu: { vmSize: "Standard_NC6s_v3", maxNodes: 2, minNodes: 0, idleSecondsBeforeScaleDown: 600 } },
                instances: { "ci-alice": { vmSize: "Standard_DS3_v2", assignedUserObjectId: USER } },
            },
        }),
    );
});

const byType = (run: StackRun, computeType: string): CapturedResource[] => allOfType(run.graph, COMPUTE).filter((c) => at(c.inputs, "properties.computeType") === computeType);

describe("customer virtual network (isolationMode Disabled)", () => {
    it("clusters and instances run in the training subnet without public IPs", () => {
        const training = allOfType(vnet.graph, "azure-native:network:Subnet").find((s) => s.inputs.subnetName === "snet-training")!;
        const computes = allOfType(vnet.graph, COMPUTE);
        expect(computes).toHaveLength(2);
        for (const c of computes) {
            expect(at(c.inputs, "properties.properties.subnet.id")).toMatch(/\/virtualNetworks\/vnet-aml-test\/subnets\/snet-training$/);
            expect(c.propertyDependencies.properties).toContain(training.urn);
            expect(at(c.inputs, "properties.properties.enableNodePublicIp")).toBe(false);
            expect(at(c.inputs, "properties.disableLocalAuth")).toBe(true);
        }
    });

    it("serverless compute runs in the training subnet without public IPs; the managed network is off", () => {
        const ws = oneOfType(vnet.graph, "azure-native:machinelearningservices:Workspace").inputs;
        expect(at(ws, "serverlessComputeSettings.serverlessComputeCustomSubnet")).toMatch(/\/subnets\/snet-training$/);
        expect(at(ws, "serverlessComputeSettings.serverlessComputeNoPublicIP")).toBe(true);
        expect(at(ws, "managedNetwork.isolationMode")).toBe("Disabled");
        expect(at(ws, "managedNetwork.outboundRules")).toEqual({});
        expect(ws.imageBuildCompute).toBe("gpu");
    });

    it("the cluster scales to zero, closes SSH and uses the workspace identity", () => {
        const [cluster] = byType(vnet, "AmlCompute");
        expect(at(cluster.inputs, "properties.properties")).toMatchObject({
            vmSize: "Standard_NC6s_v3",
            remoteLoginPortPublicAccess: "Disabled",
            scaleSettings: { minNodeCount: 0, maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: "PT600S" },
        });
        expect(at(cluster.inputs, "identity.type")).toBe("UserAssigned");
        expect(at(cluster.inputs, "identity.userAssignedIdentities.0")).toMatch(/\/userAssignedIdentities\/id-aml-test$/);
    });

    it("the instance is personal, SSH closed, shuts down after an hour idle", () => {
        const [instance] = byType(vnet, "ComputeInstance");
        expect(instance.inputs.computeName).toBe("ci-alice");
        expect(at(instance.inputs, "properties.properties")).toMatchObject({
            idleTimeBeforeShutdown: "PT60M",
            sshSettings: { sshPublicAccess: "Disabled" },
            personalComputeInstanceSettings: { assignedUser: { objectId: USER } },
        });
    });

    it("compute waits for the private endpoints (no public IP: it reaches the workspace through them)", () => {
        const pes = allOfType(vnet.graph, "azure-native:network:PrivateEndpoint");
        expect(pes.length).toBeGreaterThan(0);
        for (const c of allOfType(vnet.graph, COMPUTE)) {
            const parent = vnet.graph.resources.find((r) => r.urn === c.parent)!;
            expect(parent.dependencies.some((d) => d.includes("PrivateAccess"))).toBe(true);
        }
    });
});

describe("prod: managed network", () => {
    it("the cluster runs in the managed network (no subnet: Azure refuses one there), without node public IPs", () => {
        const [cluster] = byType(prod, "AmlCompute");
        expect(cluster.inputs.computeName).toBe("cpu-cluster");
        expect(at(cluster.inputs, "properties.properties.subnet")).toBeUndefined();
        expect(at(cluster.inputs, "properties.properties.enableNodePublicIp")).toBe(false);
        expect(at(cluster.inputs, "properties.disableLocalAuth")).toBe(true);
        expect(at(cluster.inputs, "properties.properties.scaleSettings.minNodeCount")).toBe(0);
    });

    it("serverless compute has no public IP and no custom subnet; images build on the cluster", () => {
        const ws = oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace").inputs;
        expect(ws.serverlessComputeSettings).toEqual({ serverlessComputeNoPublicIP: true });
        expect(ws.imageBuildCompute).toBe("cpu-cluster");
        expect(at(ws, "managedNetwork.isolationMode")).toBe("AllowOnlyApprovedOutbound");
    });
});
