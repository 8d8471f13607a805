/** Kubernetes quantities as the `host: kubernetes` config checks read them. */
import { parseQuantity } from "../../../components/serving/hosts/kubernetes-quantities";

describe("parseQuantity", () => {
    it.each([
        ["500m", 0.5],
        ["1", 1],
        ["1.5", 1.5],
        [".5", 0.5],
        ["2Gi", 2 * 2 ** 30],
        ["512Mi", 512 * 2 ** 20],
        ["1G", 1e9],
        ["100k", 1e5],
        ["1e3", 1000],
        ["+2", 2],
    ])("%s is %d", (text, value) => {
        expect(parseQuantity(text)).toBeCloseTo(value);
    });

    it.each(["1Gb", "-1", "1 Gi", "", "Gi", "1.2.3", "1mi", "0x10"])("%j is refused with a sentence naming it", (text) => {
        expect(parseQuantity(text)).toBe(`"${text}" is not a Kubernetes quantity (a number with an optional suffix: m, k, M, G, Ki, Mi, Gi, ...; e.g. 500m, 1, 2Gi)`);
    });

    it("orders CPU and memory as Kubernetes does", () => {
        expect(parseQuantity("1500m") as number).toBeGreaterThan(parseQuantity("1") as number);
        expect(parseQuantity("1Gi") as number).toBeGreaterThan(parseQuantity("1G") as number);
    });
});
