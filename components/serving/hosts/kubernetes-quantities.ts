/**
 * Kubernetes resource quantities (`500m`, `1`, `1.5`, `2Gi`, `512M`, `1e3`) as numbers, to check a
 * `host: kubernetes` endpoint's requests against its limits before anything is applied.
 *
 * Source (checked 2026-12-04): the quantity grammar of k8s.io/apimachinery (resource.Quantity,
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/): a signed
 * decimal number with a binary SI suffix (Ki Mi Gi Ti Pi Ei), a decimal SI suffix (n u m "" k M G T
 * P E) or a decimal exponent (e3, E-2). Requests and limits may not be negative, and the API server
 * refuses a request above its limit ("Resource Management for Pods and Containers",
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/).
 */

const QUANTITY = /^(\+?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The value of a non-negative quantity, or a sentence saying why it is not one. */
export function parseQuantity(text: string): number | string {
    const m = QUANTITY.exec(text);
    if (!m) return `"${text}" is not a Kubernetes quantity (a number with an optional suffix: m, k, M, G, Ki, Mi, Gi, ...; e.g. 500m, 1, 2Gi)`;
    const number = Number(m[2]);
    const suffix = m[3] ?? "";
    if (suffix in BINARY) return number * BINARY[suffix];
    if (suffix in DECIMAL) return number * DECIMAL[suffix];
    return number * 10 ** Number(suffix.slice(1));
}
