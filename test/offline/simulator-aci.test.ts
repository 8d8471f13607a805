/**
 * Simulated Azure and container groups: the address each gets (deterministic, from its subnet) and what
 * ARM refuses (offline/azure-sim/arm-rules-aci.ts). One accepted run and one refused run.
 */
import { ContainerGroup } from "@pulumi/azure-native/containerinstance";
import { Subnet } from "@pulumi/azure-native/network";
import { runProgram } from "../../offline/run-stack";

const RG = "rg-aml";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const DIGEST = `sha256:${"b".repeat(64)}`;
const container = (cpu = 1, memoryInGB = 1.5) => [{ name: "score", image: `mcr.microsoft.com/s@${DIGEST}`, resources: { requests: { cpu, memoryInGB } } }];
const ports = (n = 1) => Array.from({ length: n }, (_, i) => ({ port: 8080 + i, protocol: "TCP" }));

describe("simulated container groups", () => {
    it("give private groups the subnet's free addresses in declaration order (after the four Azure keeps), and an adopted subnet's group a stable 10.x address", async () => {
        const run = await runProgram(() => {
            const subnet = new Subnet("scoring", { subnetName: "snet-scoring", virtualNetworkName: "vnet", resourceGroupName: RG, addressPrefix: "10.20.1.0/24", delegations: [{ name: "aci", serviceName: "Microsoft.ContainerInstance/containerGroups" }] });
            const group = (name: string, subnetId: unknown) =>
                new ContainerGroup(name, { containerGroupName: name, resourceGroupName: RG, osType: "Linux", containers: container(), ipAddress: { type: "Private", ports: ports() }, subnetIds: [{ id: subnetId as string }] });
            const a = group("ci-a", subnet.id);
            const b = group("ci-b", subnet.id);
            const adopted = group("ci-c", `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub/subnets/aci`);
            return { a: a.ipAddress.apply((x) => x?.ip), b: b.ipAddress.apply((x) => x?.ip), c: adopted.ipAddress.apply((x) => x?.ip) };
        });
        expect(run.outputs.a).toBe("10.20.1.4");
        expect(run.outputs.b).toBe("10.20.1.5");
        expect(run.outputs.c).toMatch(/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
    });

    it("refuse a public IP in a subnet, a label on a private IP, too many ports, and CPU or memory beyond the maxima, each naming the group", async () => {
        const failed = runProgram(() => {
            const subnetId = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci`;
            new ContainerGroup("public-in-vnet", { containerGroupName: "ci-p", resourceGroupName: RG, osType: "Linux", containers: container(), ipAddress: { type: "Public", ports: ports() }, subnetIds: [{ id: subnetId }] });
            new ContainerGroup("label-on-private", { containerGroupName: "ci-l", resourceGroupName: RG, osType: "Linux", containers: container(), ipAddress: { type: "Private", dnsNameLabel: "x-label", ports: ports() }, subnetIds: [{ id: subnetId }] });
            new ContainerGroup("ports", { containerGroupName: "ci-ports", resourceGroupName: RG, osType: "Linux", containers: container(), ipAddress: { type: "Public", ports: ports(6) } });
            new ContainerGroup("big", { containerGroupName: "ci-big", resourceGroupName: RG, osType: "Linux", containers: [...container(16, 120), ...container(16, 121)], ipAddress: { type: "Public", ports: ports() } });
        });
        await expect(failed).rejects.toThrow(/"public-in-vnet": ipAddress\.type is Public with subnetIds; a container group in a virtual network has no public IP/);
        await expect(failed).rejects.toThrow(/"label-on-private": ipAddress\.dnsNameLabel is set on a private IP/);
        await expect(failed).rejects.toThrow(/"ports": ipAddress\.ports has 6 ports; an IP exposes at most 5/);
        await expect(failed).rejects.toThrow(/"big": containers\[\*\]\.resources\.requests: cpu 32 is outside what a container group with a public IP accepts \(more than 0, at most 31 vCPU\); memoryInGB 241 is outside/);
    });
});
