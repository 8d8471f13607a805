/**
 * The typed wrapper around Pulumi's policy objects. Everything Pulumi knows
 * (name, description, severity, enforcementLevel, configSchema,
 * remediationSteps, url) stays in Pulumi's own fields, so the CLI and Pulumi
 * Cloud show it; the fields Pulumi has no slot for (sources, controls, kind,
 * resource types, production gating) are ours, read by the README generator,
 * SARIF and the coverage test. Extra fields are ignored by the analyzer server.
 */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ResourceValidationPolicy,
    Severity,
    StackValidationPolicy,
} from "@pulumi/policy";

/** Where a control comes from, per catalogue. */
export interface PolicySources {
    /** Azure Policy built-in definition GUIDs (or their documented prefixes). */
    azurePolicy?: string[];
    /** PSRule for Azure rule names, e.g. `Azure.ML.PublicAccess`. */
    psrule?: string[];
    /** Checkov check IDs, e.g. `CKV_AZURE_144`. */
    checkov?: string[];
    /** Microsoft cloud security benchmark controls, e.g. `NS-2`. */
    mcsb?: string[];
    /** Other origins (quickstarts, AVM defaults, AKS guidance, own). */
    other?: string[];
}

/** Metadata every policy of this pack carries on top of Pulumi's fields. */
export interface AmlPolicyMeta {
    /** Stable kebab-case name (Pulumi's policy name). */
    name: string;
    /** One-sentence description (Pulumi's description). */
    description: string;
    /** Severity (Pulumi's native field). */
    severity: Severity;
    /** Default enforcement level (Pulumi's native field). */
    enforcementLevel: EnforcementLevel;
    /** Remediation steps (Pulumi's native `remediationSteps`). */
    remediationSteps: string;
    /** Tunables (Pulumi's native `configSchema`). */
    configSchema: PolicyConfigSchema;
    /** Catalogue sources the policy maps to. */
    sources: PolicySources;
    /** Ids from policies/controls.ts this policy implements. */
    controls: string[];
    /** Resource types the policy inspects (for docs and coverage). */
    resourceTypes: string[];
    /** True when violations are mandatory only in production (policies/lib/environment.ts), advisory otherwise. */
    productionGated: boolean;
}

/** A resource policy of this pack. */
export type AmlResourcePolicy = ResourceValidationPolicy & AmlPolicyMeta & {
    /** Discriminator: validates one resource's inputs. */
    kind: "resource";
};

/** A stack policy of this pack. */
export type AmlStackPolicy = StackValidationPolicy & AmlPolicyMeta & {
    /** Discriminator: validates the whole stack's resources. */
    kind: "stack";
};

/** Any policy of this pack. */
export type AmlPolicy = AmlResourcePolicy | AmlStackPolicy;
