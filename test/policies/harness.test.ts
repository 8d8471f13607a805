/**
 * The harness gives policies what @pulumi/policy's analyzer server gives them:
 * argument fields, config reconciliation and enforcement resolution, unknown
 * values during preview, secrets, notApplicable, and failures.
 */
import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { secret, UNKNOWN } from "../../offline/graph";
import { evaluatePolicies, PolicyConfigError } from "../../offline/policy-harness";
import { resourcePolicy, stackPolicy } from "../../policies/lib/define";
import type { AmlPolicy } from "../../policies/lib/meta";
import { PACK_VERSION } from "../../policies/lib/pack-version";
import { policy, res, run, stackOf, violations } from "./helpers";

const SA = "azure-native:storage:StorageAccount";
const tls0 = () => res(SA, "sa", { minimumTlsVersion: "TLS1_0" });

describe("enforcement levels and config (as --policy-pack-config)", () => {
    const levels = (config?: Record<string, unknown>) => violations("storage-min-tls-1-2", [tls0()], config as never).map((v) => v.enforcementLevel);

    it("uses the policy default, then `all`, then the policy's own entry", () => {
        expect(levels()).toEqual(["mandatory"]);
        expect(levels({ all: "advisory" })).toEqual(["advisory"]);
        expect(levels({ all: { enforcementLevel: "advisory" } })).toEqual(["advisory"]);
        expect(levels({ all: "advisory", "storage-min-tls-1-2": "mandatory" })).toEqual(["mandatory"]);
        expect(levels({ "storage-min-tls-1-2": { enforcementLevel: "advisory" } })).toEqual(["advisory"]);
    });

    it("skips disabled policies and reports remediate as mandatory", () => {
        const report = run("storage-min-tls-1-2", [tls0()], { "storage-min-tls-1-2": "disabled" });
        expect(report.violations).toEqual([]);
        expect(report.summary.policiesEvaluated).toBe(0);
        expect(levels({ "storage-min-tls-1-2": "remediate" })).toEqual(["mandatory"]);
    });

    it("applies schema defaults and shallow-merges the file's properties", () => {
        const seen: unknown[] = [];
        const probe = resourcePolicy<{ maxIdleMinutes: number; production: boolean; exemptResourceNames: string[] }>({
            name: "probe", description: "d", severity: "low", remediation: "r", sources: {}, controls: [], types: [SA],
            config: { maxIdleMinutes: { type: "integer", default: 60 } },
            check: ({ config }) => void seen.push(config),
        });
        evaluatePolicies(stackOf([tls0()]), { probe: { maxIdleMinutes: 5 } }, { policies: [probe] });
        evaluatePolicies(stackOf([tls0()]), undefined, { policies: [probe] });
        expect(seen).toEqual([{ exemptResourceNames: [], maxIdleMinutes: 5 }, { exemptResourceNames: [], maxIdleMinutes: 60 }]);
    });

    it("rejects config that breaks a schema, names the policy and key", () => {
        expect(() => run("ml-compute-instance-idle-shutdown", [], { "ml-compute-instance-idle-shutdown": { maxIdleMinutes: "soon" } })).toThrow(
            /ml-compute-instance-idle-shutdown: maxIdleMinutes must be integer/,
        );
        expect(() => run("storage-min-tls-1-2", [], { "storage-min-tls-1-2": "strict" as never })).toThrow(PolicyConfigError);
        expect(() => run("storage-min-tls-1-2", [], { "storage-min-tls-1-2": { exemptResourceNames: ["/(/"] } })).toThrow(/invalid regular expression/);
    });

    it("warns about config for policies the pack does not have", () => {
        expect(run("storage-min-tls-1-2", [], { "no-such-policy": "mandatory" }).warnings).toEqual([
            'config names policy "no-such-policy", which the pack does not have',
        ]);
    });
});

describe("unknown values during preview", () => {
    it("skip a policy that reads them, with the analyzer's message, instead of passing or crashing", () => {
        const report = run("storage-min-tls-1-2", [res(SA, "sa", { minimumTlsVersion: UNKNOWN })], undefined, true);
        expect(report.violations).toEqual([]);
        expect(report.errors).toEqual([]);
        expect(report.skipped).toEqual([
            {
                policyName: "storage-min-tls-1-2",
                urn: "urn:pulumi:test::aml::azure-native:storage:StorageAccount::sa",
                reason: `can't run policy 'storage-min-tls-1-2' from policy pack 'aml-workspace@v${PACK_VERSION}' during preview: string value at .minimumTlsVersion can't be known during preview`,
            },
        ]);
    });

    it("do not affect policies that do not read them", () => {
        const report = run("storage-min-tls-1-2", [res(SA, "sa", { minimumTlsVersion: "TLS1_0", resourceGroupName: UNKNOWN })], undefined, true);
        expect(report.skipped).toEqual([]);
        expect(report.violations).toHaveLength(1);
    });
});

describe("secrets", () => {
    it("are readable as values by policies, as the analyzer unwraps them", () => {
        expect(violations("storage-min-tls-1-2", [res(SA, "sa", { minimumTlsVersion: secret("TLS1_0") })])).toHaveLength(1);
    });

    it("no-plaintext-secrets flags plain values and accepts secrets", () => {
        const aks = "azure-native:containerservice:ManagedCluster";
        const plain = violations("no-plaintext-secrets", [res(aks, "c", { windowsProfile: { adminPassword: "hunter2" } })]);
        expect(plain.map((v) => v.message.split("\n")[1])).toEqual(["windowsProfile.adminPassword holds a plain value; make it a Pulumi secret"]);
        expect(violations("no-plaintext-secrets", [res(aks, "c", { windowsProfile: { adminPassword: secret("hunter2") } })])).toEqual([]);
        expect(violations("no-plaintext-secrets", [res(aks, "c", { windowsProfile: secret({ adminPassword: "hunter2" }) })])).toEqual([]);
        expect(violations("no-plaintext-secrets", [res(aks, "c", { windowsProfile: { adminPassword: UNKNOWN } })])).toEqual([]);
    });

    it("no-plaintext-secrets is not applicable where secretness is unknown (the real analyzer)", () => {
        const p = policy("no-plaintext-secrets") as AmlPolicy & { validateResource: (a: ResourceValidationArgs, r: () => void) => void };
        const args = {
            type: "azure-native:containerservice:ManagedCluster", name: "c", urn: "u", props: { adminPassword: "x" },
            getConfig: () => ({ exemptResourceNames: [] }),
            notApplicable: (reason?: string) => { throw new Error(`not applicable: ${reason}`); },
        } as unknown as ResourceValidationArgs;
        expect(() => p.validateResource(args, () => undefined)).toThrow(/the Pulumi analyzer unwraps secrets/);
    });

    it("encrypted checkpoint secrets are never read as plain text: a policy reading one is skipped", () => {
        const report = run("storage-min-tls-1-2", [res(SA, "sa", { minimumTlsVersion: secret(UNKNOWN) })]);
        expect(report.violations).toEqual([]);
        expect(report.skipped[0].reason).toMatch(/a Pulumi secret the offline tools cannot decrypt/);
    });
});

describe("arguments", () => {
    const provider = res("pulumi:providers:azure-native", "default", { location: "westeurope" }, { id: undefined } as never);
    const parent = res("aml-workspace:index:Component", "comp", {}, { custom: false });
    const target = res(SA, "sa", { minimumTlsVersion: "TLS1_2" }, {
        parent: parent.urn, protect: true, provider: `${provider.urn}::abc`,
        dependencies: [parent.urn], propertyDependencies: { minimumTlsVersion: [parent.urn] },
        outputs: { id: "/subscriptions/s/x" },
    });
    const storageClass = { __pulumiType: SA };

    it("resource validations get the analyzer's fields", () => {
        let seen: ResourceValidationArgs | undefined;
        const probe: AmlPolicy = { ...policy("storage-min-tls-1-2"), name: "probe", validateResource: (a: ResourceValidationArgs) => void (seen = a) } as AmlPolicy;
        evaluatePolicies(stackOf([provider, parent, target]), undefined, { policies: [probe], stackTags: new Map([["team", "ml"]]) });
        const a = seen!;
        expect([a.type, a.name, a.urn]).toEqual([SA, "sa", target.urn]);
        expect(a.props.minimumTlsVersion).toBe("TLS1_2");
        expect(a.props.id).toBeUndefined();
        expect(a.opts).toMatchObject({ protect: true, parent: parent.urn, ignoreChanges: [], aliases: [] });
        expect(a.provider).toMatchObject({ type: "pulumi:providers:azure-native", name: "default", urn: provider.urn });
        expect(a.provider!.props.location).toBe("westeurope");
        expect(a.isType(storageClass as never)).toBe(true);
        expect(a.asType(storageClass as never)).toBe(a.props);
        expect(a.asType({ __pulumiType: "other" } as never)).toBeUndefined();
        expect(a.stackTags.get("team")).toBe("ml");
        expect(a.getConfig()).toEqual({ exemptResourceNames: [] });
        expect(() => a.notApplicable("why")).toThrow("why");
    });

    it("stack validations get resources with parent, dependencies, propertyDependencies and provider objects", () => {
        let seen: StackValidationArgs | undefined;
        const probe = stackPolicy({ name: "probe", description: "d", severity: "low", remediation: "r", sources: {}, controls: [], types: [], check: ({ args }) => void (seen = args) });
        evaluatePolicies(stackOf([provider, parent, target]), undefined, { policies: [probe] });
        const sa = seen!.resources.find((r) => r.name === "sa") as PolicyResource;
        const comp = seen!.resources.find((r) => r.name === "comp");
        expect(sa.parent).toBe(comp);
        expect(sa.dependencies).toEqual([comp]);
        expect(sa.propertyDependencies.minimumTlsVersion).toEqual([comp]);
        expect(sa.opts.protect).toBe(true);
        expect(sa.provider?.urn).toBe(provider.urn);
        expect(sa.props.id).toBe("/subscriptions/s/x");
        expect(sa.isType(storageClass as never)).toBe(true);
    });

    it("a stack violation without a URN is attributed to the stack", () => {
        const probe = stackPolicy({ name: "probe", description: "d", severity: "low", remediation: "r", sources: {}, controls: [], types: [], check: ({ report }) => report("whole stack") });
        const report = evaluatePolicies(stackOf([target]), undefined, { policies: [probe] });
        expect(report.violations.map((v) => [v.urn, v.message])).toEqual([["urn:pulumi:test::aml::pulumi:pulumi:Stack::aml-test", "d\nwhole stack"]]);
    });
});

describe("failures", () => {
    it("a policy that throws is reported and fails the run; an async one is refused", () => {
        const boom = resourcePolicy({ name: "boom", description: "d", severity: "low", remediation: "r", sources: {}, controls: [], types: [SA], check: () => { throw new Error("bad"); } });
        const report = evaluatePolicies(stackOf([tls0()]), undefined, { policies: [boom] });
        expect(report.errors).toEqual([{ policyName: "boom", urn: tls0().urn, message: "bad" }]);
        expect(report.summary.passed).toBe(false);
        const slow = { ...boom, name: "slow", validateResource: async () => undefined } as AmlPolicy;
        expect(evaluatePolicies(stackOf([tls0()]), undefined, { policies: [slow] }).errors[0].message).toMatch(/synchronous/);
    });
});

describe("stack tags and outcomes", () => {
    it("stack tags reach resource and stack policies read-only, as the server's frozen map; empty by default", () => {
        const seen: ReadonlyMap<string, string>[] = [];
        const r = resourcePolicy({ name: "r", description: "d", severity: "low", remediation: "r", sources: {}, controls: [], types: [SA], check: ({ args }) => void seen.push(args.stackTags) });
        const s = stackPolicy({ name: "s", description: "d", severity: "low", remediation: "r", sources: {}, controls: [], types: [], check: ({ args }) => void seen.push(args.stackTags) });
        const tags = new Map([["environment", "prod"]]);
        evaluatePolicies(stackOf([tls0()]), undefined, { policies: [r, s], stackTags: tags });
        evaluatePolicies(stackOf([tls0()]), undefined, { policies: [r] });
        expect(seen.map((m) => [...m])).toEqual([[["environment", "prod"]], [["environment", "prod"]], []]);
        expect(Object.isFrozen(seen[0])).toBe(true);
        expect((seen[0] as Map<string, string>).set).toBeUndefined();
        tags.set("environment", "dev");
        expect(seen[0].get("environment")).toBe("prod");
    });

    it("the report lists every policy that ran with its outcome; disabled ones are absent", () => {
        const report = evaluatePolicies(stackOf([tls0(), res(SA, "ok", { minimumTlsVersion: "TLS1_2" }), res("azure-native:keyvault:Vault", "kv")]), { "storage-https-only": "disabled" }, {
            policies: [policy("storage-min-tls-1-2"), policy("storage-https-only"), policy("ml-workspace-private-endpoint"), policy("allowed-locations")],
        });
        expect(report.evaluated.map((o) => [o.policyName, o.outcome, o.evaluations, o.applied, o.violations])).toEqual([
            ["storage-min-tls-1-2", "violated", 2, 2, 1],
            ["ml-workspace-private-endpoint", "passed", 1, 1, 0],
            ["allowed-locations", "passed", 1, 1, 0],
        ]);
        const none = evaluatePolicies(stackOf([res("azure-native:keyvault:Vault", "kv")]), undefined, { policies: [policy("storage-min-tls-1-2")] });
        expect(none.evaluated.map((o) => [o.outcome, o.evaluations, o.notApplicable])).toEqual([["not-applicable", 0, 1]]);
        const skipped = run("storage-min-tls-1-2", [res(SA, "sa", { minimumTlsVersion: UNKNOWN })], undefined, true);
        expect(skipped.evaluated.map((o) => o.outcome)).toEqual(["skipped"]);
    });
});
