/**
 * The validated, defaults-applied platform configuration. The shape comes from
 * the schema itself: `config-schema.generated.ts` is generated from
 * `schema/platform.schema.json` (`npm run docs`; a test fails when it is
 * stale), so the type and the schema cannot disagree. This file only adds the
 * values the program derives from other settings, and names the parts other
 * modules use. `loadPlatformConfig` (config.ts) is the only producer.
 */
import type { PlatformConfigInput } from "./config-schema.generated";

export type { PlatformConfigInput } from "./config-schema.generated";

/** Deployment environment. */
export type Environment = PlatformConfigInput["environment"];
/** Storage account replication SKUs the toolkit allows. */
export type StorageSku = NonNullable<PlatformConfigInput["storage"]["sku"]>;
/** How private endpoints get their DNS records. */
export type PrivateDnsMode = NonNullable<PlatformConfigInput["network"]["privateDns"]["mode"]>;
/** The roles subnets play. */
export type SubnetRole = keyof PlatformConfigInput["network"]["virtualNetwork"]["subnets"];

/** Values derived from other settings (config.ts `resolveConfig`), never written as schema defaults. */
interface Derived {
    /** True for `prod`: the production defaults and policy mode. */
    production: boolean;
    /** Base of derived names (default `aml-<stack>`). */
    namePrefix: string;
    /** Tags for every taggable resource, including `environment`. */
    tags: Record<string, string>;
    /** Deletion guards, resolved from the environment where not set. */
    protection: {
        /** Pulumi protect on stateful resources. */
        protect: boolean;
        /** Pulumi retainOnDelete on stateful resources. */
        retainOnDelete: boolean;
        /** CanNotDelete lock on the stateful resources whose scope holds nothing that changes. */
        deleteLock: boolean;
        /** Pulumi protect on the resources whose names stay reserved after deletion. */
        protectSoftDeleted: boolean;
    };
    /** Storage, with the region-dependent SKU resolved. */
    storage: PlatformConfigInput["storage"] & { sku: StorageSku };
    /** Network, with the DNS mode of an adopted network resolved. */
    network: Omit<PlatformConfigInput["network"], "privateDns"> & {
        privateDns: PlatformConfigInput["network"]["privateDns"] & { mode: PrivateDnsMode };
    };
}

/** The whole platform config, defaults applied and derived values resolved. */
export type PlatformConfig = Omit<PlatformConfigInput, keyof Derived> & Derived;

/** A `serving` block (the platform's or a team's), defaults applied. */
export type Serving = PlatformConfigInput["serving"];
