/**
 * Naming is the one place where a silent change is expensive: a different name
 * means Pulumi replaces the resource (and global names may be taken). So the
 * properties below check validity and stability for arbitrary input, and the
 * golden values pin today's output so any change to it is deliberate.
 */
import * as fc from "fast-check";
import {
    NAME_RULES,
    NamingError,
    type ResourceKind,
    assertValidName,
    deriveName,
    nameProblem,
} from "../../components/naming";
import { deterministicGuid, stableSuffix, uuidV5 } from "../../components/hashing";

/** Written out (not read from NAME_RULES) so a dropped kind fails the test. */
const KINDS: readonly ResourceKind[] = [
    "resourceGroup", "storageAccount", "keyVault", "keyVaultKey", "containerRegistry",
    "workspace", "logAnalytics", "applicationInsights", "userAssignedIdentity", "federatedIdentityCredential",
    "computeInstance", "computeCluster", "kubernetesCompute", "aksCluster", "aksDnsPrefix", "aksNodePool",
    "iotHub", "virtualNetwork", "subnet", "networkSecurityGroup", "privateEndpoint",
    "privateDnsZoneGroup", "diagnosticSetting", "managementLock", "containerGroup",
    "onlineEndpoint", "onlineDeployment", "mlRegistry", "mlSchedule",
];

/** Fallback stems the module documents (CAF abbreviations where CAF has one). */
const ABBREVIATIONS: Record<ResourceKind, string> = {
    resourceGroup: "rg", storageAccount: "st", keyVault: "kv", keyVaultKey: "key", containerRegistry: "cr",
    workspace: "mlw", logAnalytics: "log", applicationInsights: "appi", userAssignedIdentity: "id", federatedIdentityCredential: "fic",
    computeInstance: "mlci", computeCluster: "mlcc", kubernetesCompute: "mlkc", aksCluster: "aks", aksDnsPrefix: "aks", aksNodePool: "np",
    iotHub: "iot", virtualNetwork: "vnet", subnet: "snet", networkSecurityGroup: "nsg", privateEndpoint: "pep",
    privateDnsZoneGroup: "pdnszg", diagnosticSetting: "diag", managementLock: "lock", containerGroup: "ci",
    onlineEndpoint: "endpoint", onlineDeployment: "deploy", mlRegistry: "mlr", mlSchedule: "sched",
};

/** Kinds that share a namespace with other tenants and so need a suffix. */
const GLOBAL_KINDS: readonly ResourceKind[] = [
    "storageAccount", "keyVault", "containerRegistry", "iotHub", "computeInstance", "onlineEndpoint",
];

const V5_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

/** Free-form bases: ASCII, Unicode, lone surrogates, nothing usable, very long, realistic prefixes. */
const baseArb: fc.Arbitrary<string> = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ minLength: 100, maxLength: 400 }),
    fc.constantFrom("", " ", "___", "---", "...", "-_.", "123", "0", "日本語", "🙂🙂", "ÅÄÖ", "İstanbul", "Ⅻ",
        "\u0000\u001f", "a--b", "-a-", "(rg).", "cpu-cluster-1", "9-9-9"),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
);

/** Non-empty identity arrays, Unicode and separators included. */
const partsArb: fc.Arbitrary<string[]> = fc.array(fc.string({ unit: "grapheme", maxLength: 20 }), {
    minLength: 1,
    maxLength: 4,
});

const uniqueByArb: fc.Arbitrary<string[] | undefined> = fc.option(partsArb, { nil: undefined });

/**
 * Cheap assertion for property bodies: jest's `expect` costs ~0.1 ms a call,
 * which dominated the runtime; fast-check still reports the counterexample.
 */
function check(ok: boolean, what: string): void {
    if (!ok) throw new Error(what);
}

/** Short test titles for long example names ("a" × 91). */
function show(s: string): string {
    return len(s) > 24 && new Set(s).size === 1 ? `"${s[0]}" × ${len(s)}` : JSON.stringify(s);
}

/** Code points, the unit rules count in. */
function len(s: string): number {
    return [...s].length;
}

describe("NAME_RULES", () => {
    test("covers exactly the documented kinds", () => {
        expect(Object.keys(NAME_RULES).sort()).toEqual([...KINDS].sort());
    });

    test("is frozen, rules included", () => {
        expect(Object.isFrozen(NAME_RULES)).toBe(true);
        for (const kind of KINDS) expect(Object.isFrozen(NAME_RULES[kind])).toBe(true);
    });

    test.each(KINDS)("%s: fields are consistent", (kind) => {
        const r = NAME_RULES[kind];
        expect(r.label.length).toBeGreaterThan(0);
        expect(r.min).toBeGreaterThanOrEqual(1);
        expect(r.max).toBeGreaterThanOrEqual(r.min);
        // Stateful flags would make `pattern.test` alternate results between calls.
        expect(r.pattern.flags).not.toMatch(/[gy]/);
        expect(r.rule.startsWith(`${r.min}-${r.max} `)).toBe(true);
        expect(r.separator).toBe(r.allowed.test("-") ? "-" : "");
        expect(r.allowed.test("A")).toBe(!r.lowercase);
        expect(r.allowed.test("a") && r.allowed.test("0")).toBe(true);
        expect(r.pattern.test("a".repeat(r.min))).toBe(true);
        expect(r.pattern.test("a".repeat(r.max + 1))).toBe(false);
        if (r.min > 1) expect(r.pattern.test("a".repeat(r.min - 1))).toBe(false);
    });

    test.each(KINDS)("%s: every character sanitize keeps is valid mid-name", (kind) => {
        const r = NAME_RULES[kind];
        for (let code = 0x20; code < 0x7f; code++) {
            const c = String.fromCharCode(code);
            if (r.allowed.test(c)) expect(nameProblem(kind, `aa${c}aa`)).toBeUndefined();
        }
    });

    test("globallyUnique marks the kinds that share a namespace across tenants", () => {
        const global = KINDS.filter((k) => NAME_RULES[k].globallyUnique);
        expect(global.sort()).toEqual([...GLOBAL_KINDS].sort());
    });
});

describe("deriveName properties", () => {
    test.each(KINDS)("%s: valid for any base and uniqueBy, stable, suffix last", (kind) => {
        const r = NAME_RULES[kind];
        fc.assert(
            fc.property(baseArb, uniqueByArb, (base, uniqueBy) => {
                const name = deriveName(kind, base, uniqueBy);
                check(r.pattern.test(name), `'${name}' does not match the pattern`);
                check(len(name) >= r.min && len(name) <= r.max, `'${name}' has length ${len(name)}`);
                check(nameProblem(kind, name) === undefined, `nameProblem rejects '${name}'`);
                const again = deriveName(kind, base, uniqueBy ? [...uniqueBy] : undefined);
                check(again === name, `unstable: '${name}' then '${again}'`);
                if (uniqueBy !== undefined) check(name.endsWith(stableSuffix(uniqueBy)), `'${name}' lost its suffix`);
                if (r.lowercase) check(name === name.toLowerCase(), `'${name}' is not lowercase`);
            }),
            { numRuns: 150 },
        );
    });

    test.each(KINDS)("%s: different uniqueBy give different names", (kind) => {
        fc.assert(
            fc.property(
                baseArb,
                fc.uniqueArray(partsArb, { minLength: 2, maxLength: 2, selector: (p) => JSON.stringify(p) }),
                (base, [a, b]) => {
                    const x = deriveName(kind, base, a);
                    check(x !== deriveName(kind, base, b), `both identities give '${x}'`);
                },
            ),
            { numRuns: 100 },
        );
    });

    test("collision-free over a fixed sample of 400 identities", () => {
        // Fixed seed: the sample is the same every run, so this can't flake.
        const [ids] = fc.sample(
            fc.uniqueArray(partsArb, { minLength: 400, maxLength: 400, selector: (p) => JSON.stringify(p) }),
            { seed: 20240611, numRuns: 1 },
        );
        const names = new Set(ids.map((id) => deriveName("storageAccount", "amldev", id)));
        expect(names.size).toBe(400);
    });
});

describe("deriveName examples", () => {
    test("keeps an already valid base unchanged", () => {
        expect(deriveName("workspace", "aml-dev")).toBe("aml-dev");
        expect(deriveName("storageAccount", "amldev")).toBe("amldev");
        expect(deriveName("resourceGroup", "rg-aml_dev.eu")).toBe("rg-aml_dev.eu");
    });

    test("golden values: changing these renames deployed resources", () => {
        expect(deriveName("storageAccount", "aml-dev", ["sub", "rg"])).toBe("amldev6c7s2m");
        expect(deriveName("keyVault", "aml-dev", ["sub", "rg"])).toBe("aml-dev-6c7s2m");
    });

    test("sanitizes: lowercases, folds accents, turns word breaks into single hyphens", () => {
        expect(deriveName("storageAccount", "Café Ünïcode_2024")).toBe("cafeunicode2024");
        expect(deriveName("keyVault", "  My Key__Vault!! ")).toBe("my-key-vault");
        expect(deriveName("workspace", "AML Dev")).toBe("AML-Dev");
        expect(deriveName("containerGroup", "a - - b")).toBe("a-b");
    });

    test.each(KINDS)("%s: a base with no usable characters falls back to the abbreviation", (kind) => {
        const abbr = ABBREVIATIONS[kind];
        const alone = deriveName(kind, "___");
        expect(alone.startsWith(abbr)).toBe(true);
        expect(len(alone)).toBe(Math.max(NAME_RULES[kind].min, abbr.length));
        const suffixed = deriveName(kind, "日本語", ["stack"]);
        expect(suffixed).toBe(`${abbr}${NAME_RULES[kind].separator}${stableSuffix(["stack"])}`);
    });

    test("prefixes a digit-first base with the abbreviation where a letter must come first", () => {
        expect(deriveName("keyVault", "123")).toBe("kv-123");
        expect(deriveName("aksNodePool", "1pool")).toBe("np1pool");
        expect(deriveName("onlineEndpoint", "2024-scoring")).toBe("endpoint-2024-scoring");
        // Kinds that allow a digit first keep it.
        expect(deriveName("storageAccount", "123")).toBe("123");
    });

    test("truncates the base, never the suffix", () => {
        const suffix = stableSuffix(["s"]);
        expect(deriveName("storageAccount", "a".repeat(100), ["s"])).toBe("a".repeat(18) + suffix);
        // Truncating at 17 would leave "...p-" before the separator: no "--" may result.
        const kv = deriveName("keyVault", "abcdefghijklmnop-rstuvwxyz", ["s"]);
        expect(kv).toBe(`abcdefghijklmnop-${suffix}`);
    });

    test("AML compute names never end in a hyphen followed by digits", () => {
        expect(deriveName("computeInstance", "cpu-cluster-1")).toBe("cpu-cluster1");
        expect(deriveName("computeCluster", "gpu-1-2")).toBe("gpu12");
        // Find an identity whose suffix is all digits (about 1 in 2000).
        let i = 0;
        while (!/^[0-9]+$/.test(stableSuffix([String(i)]))) i++;
        const digits = stableSuffix([String(i)]);
        expect(deriveName("computeInstance", "cpu", [String(i)])).toBe(`cpu${digits}`);
        expect(deriveName("keyVault", "cpu", [String(i)])).toBe(`cpu-${digits}`);
    });

    test("derives lower-case registry and portable Application Insights names although given ones may be looser", () => {
        // A given registry name may be "AcrMlData01", but derived ones stay lower case (the login server is).
        expect(deriveName("containerRegistry", "ML Team_Prod", ["s"])).toMatch(/^[a-z0-9]{5,50}$/);
        expect(deriveName("containerRegistry", "ML Team_Prod")).toBe("mlteamprod");
        // A given Application Insights name may hold spaces; a derived one keeps the portable subset.
        expect(deriveName("applicationInsights", "appi ml team")).toBe("appi-ml-team");
    });

    test("pads a short name to the minimum, deterministically", () => {
        const cr = deriveName("containerRegistry", "ab");
        expect(cr).toMatch(/^ab[0-9a-z]{3}$/);
        expect(deriveName("containerRegistry", "ab")).toBe(cr);
        // Hash filler, not a constant: "ab0" and "ab00" must not both become "ab000".
        expect(cr).toBe("abked");
        expect(deriveName("containerRegistry", "ab0")).not.toBe(deriveName("containerRegistry", "ab00"));
        expect(deriveName("computeInstance", "a-1")).toMatch(/^a1[0-9a-z]$/);
    });

    test("rejects an empty uniqueBy and an unknown kind", () => {
        expect(() => deriveName("storageAccount", "aml", [])).toThrow(RangeError);
        expect(() => deriveName("bogus" as ResourceKind, "aml")).toThrow(new TypeError("unknown resource kind 'bogus'"));
        // Inherited keys are not kinds either.
        expect(() => nameProblem("toString" as ResourceKind, "aml")).toThrow(/^unknown resource kind 'toString'$/);
    });
});

describe("stableSuffix", () => {
    test("is deterministic, of the requested length, lowercase base36", () => {
        fc.assert(
            fc.property(partsArb, fc.integer({ min: 1, max: 49 }), (parts, length) => {
                const s = stableSuffix(parts, length);
                check(s.length === length, `'${s}' is not ${length} long`);
                check(/^[0-9a-z]+$/.test(s), `'${s}' is not lowercase base36`);
                check(stableSuffix([...parts], length) === s, "unstable");
            }),
            { numRuns: 300 },
        );
    });

    test("defaults to 6 characters", () => {
        fc.assert(fc.property(partsArb, (parts) => stableSuffix(parts).length === 6), { numRuns: 100 });
    });

    test("golden values: sha256 of the parts joined with '/', low base36 digits", () => {
        expect(stableSuffix(["aml-dev"])).toBe("23kfck");
        expect(stableSuffix(["sub", "rg", "aml"], 8)).toBe("gyqh9ipr");
        expect(stableSuffix(["sub", "rg"])).toBe("6c7s2m");
    });

    test("part boundaries matter: no two splittings of the same text collide", () => {
        expect(stableSuffix(["a/b"])).not.toBe(stableSuffix(["a", "b"]));
        expect(stableSuffix(["a\\", "b"])).not.toBe(stableSuffix(["a", "\\b"]));
        expect(stableSuffix(["ab", ""])).not.toBe(stableSuffix(["ab"]));
        expect(stableSuffix(["a", "b"])).not.toBe(stableSuffix(["b", "a"]));
    });

    test("collision-free over 3000 sequential identities", () => {
        const seen = new Set<string>();
        for (let i = 0; i < 3000; i++) seen.add(stableSuffix(["stack", `env-${i}`]));
        expect(seen.size).toBe(3000);
    });

    test.each([0, 50, 2.5, Number.NaN, -1])("rejects length %p", (length) => {
        expect(() => stableSuffix(["a"], length)).toThrow(RangeError);
    });

    test("rejects empty parts", () => {
        expect(() => stableSuffix([])).toThrow(RangeError);
    });
});

describe("deterministicGuid", () => {
    test("is a deterministic version-5 GUID", () => {
        fc.assert(
            fc.property(partsArb, (parts) => {
                const guid = deterministicGuid(...parts);
                check(V5_GUID.test(guid), `'${guid}' is not a v5 GUID`);
                check(deterministicGuid(...[...parts]) === guid, "unstable");
            }),
            { numRuns: 200 },
        );
    });

    test("differs for different parts", () => {
        fc.assert(
            fc.property(
                fc.uniqueArray(partsArb, { minLength: 2, maxLength: 2, selector: (p) => JSON.stringify(p) }),
                ([a, b]) => check(deterministicGuid(...a) !== deterministicGuid(...b), "collision"),
            ),
            { numRuns: 200 },
        );
        expect(deterministicGuid("a", "b")).not.toBe(deterministicGuid("b", "a"));
    });

    test("golden values: changing these recreates every role assignment", () => {
        expect(deterministicGuid("a", "b")).toBe("a54defde-7d7d-5110-95aa-8c8b367e5cae");
        expect(deterministicGuid("/subscriptions/x/resourceGroups/rg", "principal", "role")).toBe(
            "d868d5f8-a345-5228-a5d0-4baaea7467ee",
        );
    });

    test("uuidV5 matches the RFC 4122 algorithm (reference vectors)", () => {
        expect(uuidV5(DNS_NAMESPACE, "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
        expect(uuidV5(DNS_NAMESPACE.toUpperCase(), "python.org")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
        expect(() => uuidV5("not-a-uuid", "x")).toThrow(RangeError);
    });

    test("rejects no parts", () => {
        expect(() => deterministicGuid()).toThrow(RangeError);
    });
});

/** Per kind: names Azure accepts, and names it rejects (each for a different reason). */
const EXAMPLES: Record<ResourceKind, { valid: string[]; invalid: string[] }> = {
    resourceGroup: {
        valid: ["rg-aml_dev.(1)", "a", "x".repeat(90), "rg-café"],
        invalid: ["", "rg.", "x".repeat(91), "rg/aml", "rg#1", "rg aml"],
    },
    storageAccount: {
        valid: ["amldev01", "abc", "a".repeat(24)],
        invalid: ["My_Storage", "ab", "a".repeat(25), "aml-dev", "AMLDEV"],
    },
    keyVault: {
        valid: ["kv-aml-dev", "Abc", "a".repeat(24)],
        invalid: ["1kv", "kv--aml", "kv-", "ab", "a".repeat(25), "kv_aml"],
    },
    keyVaultKey: { valid: ["cmk", "a", "Key-1"], invalid: ["", "key_1", "k".repeat(128), "key.1"] },
    containerRegistry: {
        // Upper case is allowed in a given name (ARM lower-cases the login server).
        valid: ["cramldev", "a1b2c", "c".repeat(50), "CrAmlDev", "AcrMlData01"],
        invalid: ["cr1", "cr-aml-dev", "cr_aml", "c".repeat(51)],
    },
    workspace: {
        valid: ["mlw-aml_dev", "1ab", "a".repeat(33)],
        invalid: ["ab", "_mlw", "-mlw", "a".repeat(34), "mlw.dev"],
    },
    mlRegistry: {
        valid: ["mlr-aml_prod", "ab", "A1", "r".repeat(32)],
        invalid: ["a", "_mlr", "-mlr", "mlr-", "r".repeat(33), "mlr.prod", "mlr prod"],
    },
    logAnalytics: {
        valid: ["log-aml", "a1b2", "l".repeat(63)],
        invalid: ["log", "-log-aml", "log-aml-", "log_aml", "l".repeat(64)],
    },
    applicationInsights: {
        // Anything but % & \ ? / and control characters; no trailing space or period.
        valid: ["appi-aml_(dev).x", "a", "a".repeat(260), "appi aml", "appi ml #1 [team]", "appi-ünïcode"],
        invalid: ["appi.", "appi ", "", "appi/aml", "appi%1", "appi&x", "appi\\x", "appi?", "appi\tx", "a".repeat(261)],
    },
    userAssignedIdentity: {
        valid: ["id-aml_dev", "1ab", "i".repeat(128)],
        invalid: ["id", "_id-aml", "id.aml", "i".repeat(129)],
    },
    federatedIdentityCredential: {
        valid: ["aks-shared-fraud-scorer", "1a_", "f".repeat(120)],
        invalid: ["fc", "-aks", "aks.shared", "aks:x", "f".repeat(121)],
    },
    computeInstance: {
        valid: ["ci-aml-dev", "abc", "cpu-1a", "a".repeat(24)],
        invalid: ["cpu-cluster-1", "1abc", "ab", "abc-", "a_bc", "a".repeat(25)],
    },
    computeCluster: {
        valid: ["cpu", "gpu-cluster", "a".repeat(16)],
        invalid: ["gp", "a".repeat(17), "gpu-2", "2gpu", "gpu-"],
    },
    kubernetesCompute: {
        valid: ["aks", "risk-k8s", "a".repeat(16)],
        invalid: ["ak", "a".repeat(17), "aks-1", "1aks", "aks-", "aks_k8s"],
    },
    aksCluster: { valid: ["aks_aml-dev", "a"], invalid: ["-aks", "aks_", "aks.dev", "a".repeat(64)] },
    aksDnsPrefix: { valid: ["aml-dev", "a", "a".repeat(54)], invalid: ["aml_dev", "-aml", "aml-", "a".repeat(55)] },
    aksNodePool: { valid: ["np1", "system", "a".repeat(12)], invalid: ["1np", "Np", "np-1", "a".repeat(13), ""] },
    iotHub: { valid: ["iot-aml", "-iot", "a".repeat(50)], invalid: ["iot-", "io", "iot_aml", "a".repeat(51)] },
    virtualNetwork: {
        valid: ["vnet_aml.dev-1", "v_", "ab", "a".repeat(64)],
        invalid: ["v", "_vnet", "vnet.", "vnet-", "a".repeat(65)],
    },
    subnet: { valid: ["snet-aml", "s", "s".repeat(80)], invalid: ["-snet", "snet.", "s".repeat(81)] },
    networkSecurityGroup: { valid: ["nsg-aml_", "n"], invalid: ["nsg-", ".nsg", "n".repeat(81)] },
    privateEndpoint: { valid: ["pep-aml.kv", "pe"], invalid: ["p", "pep-", "p".repeat(65)] },
    privateDnsZoneGroup: { valid: ["default", "z".repeat(80)], invalid: ["default.", "z".repeat(81)] },
    diagnosticSetting: {
        valid: ["send to log analytics", "diag-aml_(x)", "d".repeat(260)],
        invalid: ["diag:aml", "a/b", "a+b", "a\u0007b", "", "d".repeat(261)],
    },
    managementLock: {
        valid: ["lock-aml_(dnd).x", "l".repeat(90)],
        invalid: ["lock.", "lock aml", "lock:aml", "l".repeat(91)],
    },
    containerGroup: {
        valid: ["ci-aml", "a", "c".repeat(63)],
        invalid: ["ci--aml", "CI-aml", "-ci", "ci-", "c".repeat(64)],
    },
    onlineEndpoint: { valid: ["ep-aml-01", "abc"], invalid: ["1ep", "ep", "ep-", "ep_aml", "e".repeat(33)] },
    onlineDeployment: { valid: ["blue", "Green-1"], invalid: ["bl", "1blue", "blue-", "b".repeat(33)] },
    mlSchedule: { valid: ["retrain", "Weekly_retrain-2", "7day", "s".repeat(255)], invalid: ["", "-retrain", "_x", "re.train", "re train", "s".repeat(256)] },
};

describe("nameProblem", () => {
    test("has examples for every kind", () => {
        expect(Object.keys(EXAMPLES).sort()).toEqual([...KINDS].sort());
    });

    describe.each(KINDS)("%s", (kind) => {
        const r = NAME_RULES[kind];
        test.each(EXAMPLES[kind].valid.map((v) => [show(v), v]))("accepts %s", (_title, name) => {
            expect(nameProblem(kind, name)).toBeUndefined();
            expect(assertValidName(kind, name)).toBe(name);
        });
        test.each(EXAMPLES[kind].invalid.map((v) => [show(v), v]))("rejects %s, naming the rule and the value", (_title, name) => {
            const problem = nameProblem(kind, name);
            expect(problem).toBe(`${r.label} name must be ${r.rule}; got '${name}' (${len(name)} chars)`);
            expect(problem).toContain(r.rule);
            expect(problem).toContain(`'${name}'`);
        });
    });

    test("states the rule in plain words", () => {
        expect(nameProblem("storageAccount", "My_Storage")).toBe(
            "storage account name must be 3-24 lowercase letters and digits; got 'My_Storage' (10 chars)",
        );
        // Lengths are counted in code points, not UTF-16 units.
        expect(nameProblem("storageAccount", "🙂🙂")).toContain("(2 chars)");
    });
});

describe("assertValidName", () => {
    test("throws a NamingError carrying the kind, the value and the problem", () => {
        let caught: unknown;
        try {
            assertValidName("keyVault", "kv--aml");
        } catch (e) {
            caught = e;
        }
        expect(caught).toBeInstanceOf(NamingError);
        expect(caught).toBeInstanceOf(Error);
        const err = caught as NamingError;
        expect(err.kind).toBe("keyVault");
        expect(err.value).toBe("kv--aml");
        expect(err.name).toBe("NamingError");
        expect(err.message).toBe(nameProblem("keyVault", "kv--aml"));
    });
});
