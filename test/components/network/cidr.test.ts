import { contains, containsAddress, formatAddress, overlaps, parseAddress, parseCidr, size, type Cidr } from "../../../components/network/cidr";
import { ipRangeProblem } from "../../../stacks/config-semantics-network";

const cidr = (text: string): Cidr => {
    const parsed = parseCidr(text);
    if (typeof parsed === "string") throw new Error(parsed);
    return parsed;
};

describe("parseCidr", () => {
    it("parses a block into its first and last address", () => {
        const c = cidr("10.20.0.0/16");
        expect(formatAddress(c.start)).toBe("10.20.0.0");
        expect(formatAddress(c.end)).toBe("10.20.255.255");
        expect(size(c)).toBe(65536);
    });

    it("handles addresses above 2^31 and the extremes", () => {
        expect(formatAddress(cidr("192.168.1.0/24").end)).toBe("192.168.1.255");
        expect(size(cidr("0.0.0.0/0"))).toBe(2 ** 32);
        expect(size(cidr("255.255.255.255/32"))).toBe(1);
    });

    it.each([
        ["10.0.0.0", "not an IPv4 CIDR block"],
        ["10.0.0.256/24", "octet above 255"],
        ["10.0.0.0/33", "prefix above /32"],
        ["10.0.1.0/16", "host bits set (the block starts at 10.0.0.0/16)"],
    ])("rejects %s", (text, problem) => {
        expect(parseCidr(text)).toContain(problem);
    });
});

describe("containment and overlap", () => {
    it("a subnet inside its space is contained and overlaps it", () => {
        expect(contains(cidr("10.20.0.0/16"), cidr("10.20.4.0/22"))).toBe(true);
        expect(overlaps(cidr("10.20.0.0/16"), cidr("10.20.4.0/22"))).toBe(true);
    });

    it("a block outside is neither contained nor overlapping", () => {
        expect(contains(cidr("10.20.0.0/16"), cidr("10.21.0.0/24"))).toBe(false);
        expect(overlaps(cidr("10.20.0.0/16"), cidr("10.21.0.0/24"))).toBe(false);
    });

    it("a block straddling the edge overlaps but is not contained", () => {
        expect(contains(cidr("10.20.0.0/24"), cidr("10.20.0.0/23"))).toBe(false);
        expect(overlaps(cidr("10.20.0.0/24"), cidr("10.20.0.0/23"))).toBe(true);
    });

    it("adjacent blocks do not overlap", () => {
        expect(overlaps(cidr("10.0.0.0/25"), cidr("10.0.0.128/25"))).toBe(false);
    });
});

describe("addresses (the firewall check parses with the same code)", () => {
    it("parses an address and places it inside or outside a block", () => {
        const a = parseAddress("172.31.255.255");
        expect(typeof a).toBe("number");
        expect(containsAddress(cidr("172.16.0.0/12"), a as number)).toBe(true);
        expect(containsAddress(cidr("172.16.0.0/12"), parseAddress("172.32.0.0") as number)).toBe(false);
        expect(parseAddress("10.0.0.256")).toContain("above 255");
        expect(parseAddress("10.0.0")).toContain("not an IPv4 address");
    });

    it("a firewall range at the edge of a private block is refused, one past it is accepted", () => {
        expect(ipRangeProblem("172.31.0.0/16")?.problem).toContain("private or reserved");
        expect(ipRangeProblem("172.32.0.0/16")).toBeUndefined();
        expect(ipRangeProblem("192.168.1.7")?.problem).toContain("private or reserved");
        expect(ipRangeProblem("203.0.113.7")).toBeUndefined();
        expect(ipRangeProblem("300.0.113.7")?.problem).toContain("not an IPv4 address");
    });
});
