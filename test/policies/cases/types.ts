/** Shape of the table-driven resource-policy test cases. */

/** One violation: a patch to the compliant inputs and the detail line it must produce. */
export interface ViolationCase {
    /** Dotted-path patches applied to the compliant inputs (`undefined` deletes). */
    patch: Record<string, unknown>;
    /** Exact detail line(s) expected (message after the description line), in order. */
    messages: string[];
}

/** A config effect: with `config` for this policy, the patched inputs give `messages`. */
export interface ConfigCase {
    /** What the case shows. */
    title: string;
    /** The policy's config entry. */
    config: Record<string, unknown>;
    /** Patches applied to the compliant inputs. */
    patch: Record<string, unknown>;
    /** Expected detail lines (empty: compliant under that config). */
    messages: string[];
}

/** All cases for one resource policy. */
export interface ResourceCase {
    /** Policy name. */
    policy: string;
    /** Resource type token. */
    type: string;
    /** Inputs that comply. */
    compliant: Record<string, unknown>;
    /** Each violation. */
    violations: ViolationCase[];
    /** Config every test of the case runs with, under the case's own entries (for policies with no default, e.g. allow-lists). */
    baseConfig?: Record<string, unknown>;
    /** Config effects beyond exemptions and production mode (tested for every policy). */
    config?: ConfigCase[];
}
