/**
 * The IoT Edge manifest builder and the project's own manifest schema: system modules pinned to the
 * release table's exact versions, the digest-pinned model module and its hardened createOptions,
 * the repository-scoped registry credential (admin user refused) and the secret output, routes and
 * store-and-forward TTL; every builder output validates against the schema, and the schema refuses
 * unknown keys and wrong values at each level.
 */
import * as pulumi from "@pulumi/pulumi";
import { buildEdgeManifest, EDGE_MANIFEST_DEFAULTS, EdgeManifestError, upstreamRoute, type EdgeManifestArgs, type EdgeModulesContent } from "../../../components/edge/edge-manifest";
import { edgeManifestOutput } from "../../../components/edge/edge-manifest-output";
import { edgeManifestProblems } from "../../../components/edge/edge-manifest-schema";
import { IOT_EDGE_RUNTIME_RELEASES, runtimeLineProblem, systemModuleImages } from "../../../components/edge/edge-runtime-versions";
import { promiseOf } from "../../../offline/outputs";

const DIGEST = `sha256:${"ab".repeat(32)}`;
const IMAGE = `contosoreg.azurecr.io/models/fraud@${DIGEST}`;
const BASE: EdgeManifestArgs = {
    module: { name: "fraudscorer", image: IMAGE },
    registry: { loginServer: "contosoreg.azurecr.io", username: "edge-fraud-pull", password: "placeholder-token-password" },
};

type Desired = Record<string, unknown>;
const agent = (m: EdgeModulesContent): Desired => m.$edgeAgent["properties.desired"];
const hub = (m: EdgeModulesContent): Desired => m.$edgeHub["properties.desired"];
const moduleOf = (m: EdgeModulesContent, name = "fraudscorer"): Desired => (agent(m).modules as Record<string, Desired>)[name];
const createOptionsOf = (m: EdgeModulesContent): { User: string; ExposedPorts: Desired; HostConfig: Record<string, unknown> } =>
    JSON.parse((moduleOf(m).settings as { createOptions: string }).createOptions) as { User: string; ExposedPorts: Desired; HostConfig: Record<string, unknown> };
const systemImage = (m: EdgeModulesContent, which: "edgeAgent" | "edgeHub"): string =>
    ((agent(m).systemModules as Record<string, { settings: { image: string } }>)[which]).settings.image;
const clone = (m: EdgeModulesContent): EdgeModulesContent => JSON.parse(JSON.stringify(m)) as EdgeModulesContent;

describe("system modules", () => {
    it("pins edgeAgent and edgeHub to the exact versions of the default LTS line, never a rolling tag", () => {
        const m = buildEdgeManifest(BASE);
        expect(systemImage(m, "edgeAgent")).toBe(`mcr.microsoft.com/azureiotedge-agent:${IOT_EDGE_RUNTIME_RELEASES["1.6"].agentVersion}`);
        expect(systemImage(m, "edgeHub")).toBe(`mcr.microsoft.com/azureiotedge-hub:${IOT_EDGE_RUNTIME_RELEASES["1.6"].hubVersion}`);
        for (const image of [systemImage(m, "edgeAgent"), systemImage(m, "edgeHub")]) expect(image).toMatch(/:\d+\.\d+\.\d+$/);
    });

    it("uses the 1.5 line's exact versions when asked, and the release table flags 1.5 as past its end of support", () => {
        const m = buildEdgeManifest({ ...BASE, runtime: { line: "1.5" } });
        expect(systemImage(m, "edgeAgent")).toBe("mcr.microsoft.com/azureiotedge-agent:1.5.44");
        expect(runtimeLineProblem("1.5", "2026-12-04")).toMatch(/end of support on 2026-11-10; use 1\.6/);
        expect(runtimeLineProblem("1.5", "2026-11-10")).toBeUndefined();
        expect(runtimeLineProblem("1.6", "2026-12-04")).toBeUndefined();
        expect(runtimeLineProblem("1.4", "2026-12-04")).toMatch(/not a known LTS line/);
        expect(() => systemModuleImages("1.4" as never)).toThrow(/not in the release table/);
    });

    it("publishes no edgeHub host port unless the device is a gateway", () => {
        const edgeHubOptions = (m: EdgeModulesContent): unknown =>
            JSON.parse((agent(m).systemModules as Record<string, { settings: { createOptions: string } }>).edgeHub.settings.createOptions);
        expect(edgeHubOptions(buildEdgeManifest(BASE))).toEqual({});
        expect(edgeHubOptions(buildEdgeManifest({ ...BASE, runtime: { gateway: true } }))).toEqual({
            HostConfig: { PortBindings: { "5671/tcp": [{ HostPort: "5671" }], "8883/tcp": [{ HostPort: "8883" }], "443/tcp": [{ HostPort: "443" }] } },
        });
        const hubModule = (agent(buildEdgeManifest(BASE)).systemModules as Record<string, Desired>).edgeHub;
        expect(hubModule).toMatchObject({ type: "docker", status: "running", restartPolicy: "always" });
    });
});

describe("model module", () => {
    it("keeps the digest-pinned image and refuses a tag, a missing digest or another registry", () => {
        expect((moduleOf(buildEdgeManifest(BASE)).settings as { image: string }).image).toBe(IMAGE);
        const tagged = { ...BASE, module: { ...BASE.module, image: `contosoreg.azurecr.io/models/fraud:v3@${DIGEST}` } };
        expect((moduleOf(buildEdgeManifest(tagged)).settings as { image: string }).image).toBe(IMAGE);
        expect(() => buildEdgeManifest({ ...BASE, module: { ...BASE.module, image: "contosoreg.azurecr.io/models/fraud:v3" } })).toThrow(/module\.image: .*names only the tag "v3".*pin it by digest/);
        expect(() => buildEdgeManifest({ ...BASE, module: { ...BASE.module, image: `other.azurecr.io/models/fraud@${DIGEST}` } })).toThrow(/comes from other\.azurecr\.io, not from contosoreg\.azurecr\.io/);
    });

    it("writes hardened createOptions: port on loopback, memory without swap, CPUs, PIDs, non-root, no capabilities, bounded logs", () => {
        const o = createOptionsOf(buildEdgeManifest(BASE));
        expect(o.User).toBe("10001");
        expect(o.ExposedPorts).toEqual({ "8080/tcp": {} });
        expect(o.HostConfig).toEqual({
            PortBindings: { "8080/tcp": [{ HostIp: "127.0.0.1", HostPort: "8080" }] },
            Memory: 1024 * 1024 * 1024,
            MemorySwap: 1024 * 1024 * 1024,
            NanoCpus: 1_000_000_000,
            PidsLimit: 256,
            CapDrop: ["ALL"],
            SecurityOpt: ["no-new-privileges"],
            LogConfig: { Type: "json-file", Config: { "max-size": "10m", "max-file": "3" } },
        });
    });

    it("applies container settings, and an unpublished port has no binding", () => {
        const m = buildEdgeManifest({ ...BASE, module: { ...BASE.module, container: { containerPort: 5001, hostPort: 15001, hostIp: "0.0.0.0", memoryMiB: 512, cpus: 0.5, pidsLimit: 64, user: "20000" } } });
        const o = createOptionsOf(m);
        expect(o.HostConfig).toMatchObject({ PortBindings: { "5001/tcp": [{ HostIp: "0.0.0.0", HostPort: "15001" }] }, Memory: 512 * 1048576, MemorySwap: 512 * 1048576, NanoCpus: 500_000_000, PidsLimit: 64 });
        expect(o.User).toBe("20000");
        const hidden = createOptionsOf(buildEdgeManifest({ ...BASE, module: { ...BASE.module, container: { unpublished: true } } }));
        expect(hidden.HostConfig.PortBindings).toBeUndefined();
        expect(hidden.ExposedPorts).toEqual({ "8080/tcp": {} });
    });

    it("writes the module's defaults, env in the documented {value} form, startup order and its own twin's desired properties", () => {
        const m = buildEdgeManifest({ ...BASE, module: { ...BASE.module, env: { MODEL_NAME: "fraud", LOG_LEVEL: "info" }, startupOrder: 2, desiredProperties: { threshold: 0.7 } } });
        expect(moduleOf(m)).toMatchObject({ version: "1.0", type: "docker", status: "running", restartPolicy: "always", imagePullPolicy: "on-create", startupOrder: 2, env: { MODEL_NAME: { value: "fraud" }, LOG_LEVEL: { value: "info" } } });
        expect(m.fraudscorer).toEqual({ "properties.desired": { threshold: 0.7 } });
        expect(buildEdgeManifest(BASE).fraudscorer).toBeUndefined();
        expect(moduleOf(buildEdgeManifest(BASE)).env).toBeUndefined();
    });

    it("reports every wrong field in one error", () => {
        let error: unknown;
        try {
            buildEdgeManifest({
                ...BASE,
                module: { ...BASE.module, name: "$bad", env: { "1X": "y" }, startupOrder: -1, container: { containerPort: 70000, memoryMiB: 2, cpus: 0, pidsLimit: 0, user: "root" } },
                timeToLiveSecs: 0,
                routes: { broken: "TO $upstream" },
            });
        } catch (err) {
            error = err;
        }
        expect(error).toBeInstanceOf(EdgeManifestError);
        const message = (error as Error).message;
        for (const field of ["module.name", "module.env.1X", "module.startupOrder", "module.container.containerPort", "module.container.memoryMiB", "module.container.cpus", "module.container.pidsLimit", "module.container.user must not be root", "timeToLiveSecs", "routes.broken"]) {
            expect(message).toContain(field);
        }
    });
});

describe("registry credentials", () => {
    it("names the workspace registry with the token's user name and password", () => {
        const settings = (agent(buildEdgeManifest(BASE)).runtime as { settings: Desired }).settings;
        expect(settings).toEqual({
            minDockerVersion: "v1.25",
            loggingOptions: "",
            registryCredentials: { contosoreg: { username: "edge-fraud-pull", password: "placeholder-token-password", address: "contosoreg.azurecr.io" } },
        });
    });

    it("refuses the admin user (the registry's name), the Entra refresh-token user and empty values", () => {
        expect(() => buildEdgeManifest({ ...BASE, registry: { ...BASE.registry, username: "ContosoReg" } })).toThrow(/registry\.username "ContosoReg" is the registry's admin user: create a repository-scoped token/);
        expect(() => buildEdgeManifest({ ...BASE, registry: { ...BASE.registry, username: "00000000-0000-0000-0000-000000000000" } })).toThrow(/null GUID/);
        expect(() => buildEdgeManifest({ ...BASE, registry: { ...BASE.registry, username: " ", password: "" } })).toThrow(/registry\.username is empty.*registry\.password is empty/);
    });

    it("lifts the manifest to an output that is secret even when the password was a plain string", async () => {
        const output = edgeManifestOutput({ ...BASE, module: { ...BASE.module, image: pulumi.output(IMAGE) } });
        expect(await (output as unknown as { isSecret: Promise<boolean> }).isSecret).toBe(true);
        expect(await promiseOf(output)).toEqual(buildEdgeManifest(BASE));
    });
});

describe("routes and store and forward", () => {
    it("routes all module outputs to $upstream and keeps messages 7200 s by default", () => {
        const h = hub(buildEdgeManifest(BASE));
        expect(h).toEqual({ schemaVersion: "1.1", routes: { fraudscorerToUpstream: "FROM /messages/modules/fraudscorer/outputs/* INTO $upstream" }, storeAndForwardConfiguration: { timeToLiveSecs: EDGE_MANIFEST_DEFAULTS.timeToLiveSecs } });
        expect(EDGE_MANIFEST_DEFAULTS.timeToLiveSecs).toBe(7200);
    });

    it("takes custom routes and time to live, refuses an empty route set", () => {
        const routes = { scores: "FROM /messages/modules/fraudscorer/outputs/scores INTO $upstream", alerts: "FROM /messages/modules/fraudscorer/outputs/* WHERE $body.score > 0.9 INTO $upstream" };
        const h = hub(buildEdgeManifest({ ...BASE, routes, timeToLiveSecs: 86400 }));
        expect(h.routes).toEqual(routes);
        expect(h.storeAndForwardConfiguration).toEqual({ timeToLiveSecs: 86400 });
        expect(upstreamRoute("m1")).toBe("FROM /messages/modules/m1/outputs/* INTO $upstream");
        expect(() => buildEdgeManifest({ ...BASE, routes: {} })).toThrow(/routes is empty/);
    });
});

describe("the project's manifest schema", () => {
    const variants: [string, EdgeManifestArgs][] = [
        ["defaults", BASE],
        ["everything set", { ...BASE, module: { ...BASE.module, env: { A: "1" }, startupOrder: 1, desiredProperties: { t: 1 }, restartPolicy: "never", status: "stopped", imagePullPolicy: "never" }, runtime: { line: "1.5", gateway: true, loggingOptions: "{}" }, timeToLiveSecs: 60 }],
        ["unpublished port", { ...BASE, module: { ...BASE.module, container: { unpublished: true } } }],
    ];
    it.each(variants)("accepts the builder's output (%s)", (_name, args) => {
        expect(edgeManifestProblems(buildEdgeManifest(args))).toEqual([]);
    });

    it("accepts the documented route object form (schema 1.1: route, priority 0-9, timeToLiveSecs)", () => {
        const m = clone(buildEdgeManifest(BASE));
        (hub(m).routes as Desired).prio = { route: upstreamRoute("fraudscorer"), priority: 0, timeToLiveSecs: 60 };
        expect(edgeManifestProblems(m)).toEqual([]);
        (hub(m).routes as Desired).prio = { route: upstreamRoute("fraudscorer"), priority: 10 };
        expect(edgeManifestProblems(m).join("\n")).toMatch(/\/\$edgeHub\/properties\.desired\/routes\/prio/);
    });

    const unknownKeys: [string, (m: EdgeModulesContent) => void, RegExp][] = [
        ["at the top of $edgeAgent's desired properties", (m) => (agent(m).debug = true), /\/\$edgeAgent\/properties\.desired: must NOT have additional properties \(debug\)/],
        ["in a module", (m) => (moduleOf(m).privileged = true), /modules\/fraudscorer: must NOT have additional properties \(privileged\)/],
        ["configuration.id, which only the hub sets", (m) => (moduleOf(m).configuration = { id: "x" }), /must NOT have additional properties \(configuration\)/],
        ["in runtime settings", (m) => (((agent(m).runtime as Desired).settings as Desired).registryMirror = "x"), /runtime\/settings: must NOT have additional properties \(registryMirror\)/],
        ["in a registry credential", (m) => ((((agent(m).runtime as Desired).settings as Desired).registryCredentials as Record<string, Desired>).contosoreg.token = "x"), /registryCredentials\/contosoreg: must NOT have additional properties \(token\)/],
        ["in module settings", (m) => ((moduleOf(m).settings as Desired).createOptions01 = "{}"), /settings: must NOT have additional properties \(createOptions01\)/],
        ["at the top of $edgeHub's desired properties", (m) => (hub(m).mqttBroker = {}), /\/\$edgeHub\/properties\.desired: must NOT have additional properties \(mqttBroker\)/],
        ["in storeAndForwardConfiguration", (m) => ((hub(m).storeAndForwardConfiguration as Desired).maxSize = 1), /storeAndForwardConfiguration: must NOT have additional properties \(maxSize\)/],
        ["beside the module twins", (m) => ((m as Record<string, unknown>)["bad key!"] = {}), /\/: must NOT have additional properties \(bad key!\)/],
    ];
    it.each(unknownKeys)("refuses an unknown key %s", (_where, mutate, expected) => {
        const m = clone(buildEdgeManifest(BASE));
        mutate(m);
        expect(edgeManifestProblems(m).join("\n")).toMatch(expected);
    });

    const wrongValues: [string, (m: EdgeModulesContent) => void, RegExp][] = [
        ["a restart policy the runtime does not implement", (m) => (moduleOf(m).restartPolicy = "on-failure"), /fraudscorer\/restartPolicy: must be equal to one of the allowed values/],
        ["edgeHub not running", (m) => (((agent(m).systemModules as Record<string, Desired>).edgeHub).status = "stopped"), /edgeHub\/status: must be equal to constant/],
        ["an undocumented schema version", (m) => (hub(m).schemaVersion = "1.2"), /\$edgeHub\/properties\.desired\/schemaVersion: must be equal to one of the allowed values/],
        ["a zero time to live", (m) => ((hub(m).storeAndForwardConfiguration as Desired).timeToLiveSecs = 0), /timeToLiveSecs: must be >= 1/],
        ["createOptions that are not JSON", (m) => ((moduleOf(m).settings as Desired).createOptions = "{HostConfig"), /fraudscorer\/settings\/createOptions: is not a stringified JSON object/],
        ["a runtime type other than docker", (m) => ((agent(m).runtime as Desired).type = "containerd"), /runtime\/type: must be equal to constant/],
        ["a missing $edgeHub", (m) => delete (m as Record<string, unknown>).$edgeHub, /\/: must have required property '\$edgeHub'/],
        ["a module without version", (m) => delete moduleOf(m).version, /fraudscorer: must have required property 'version'/],
    ];
    it.each(wrongValues)("refuses %s", (_what, mutate, expected) => {
        const m = clone(buildEdgeManifest(BASE));
        mutate(m);
        expect(edgeManifestProblems(m).join("\n")).toMatch(expected);
    });
});
