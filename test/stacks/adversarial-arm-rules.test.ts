/**
 * Simulator rules added by the adversarial review (offline/azure-sim/arm-rules.ts), tested on
 * the rule itself: what ARM refuses is refused, what it accepts is not.
 */
import { armRejections, type RuleSubject } from "../../offline/azure-sim/arm-rules";

function zone(tags: Record<string, string>): RuleSubject {
    return {
        type: "azure-native:privatedns:PrivateZone",
        logicalName: "zone-blob",
        inputs: { location: "global", privateZoneName: "privatelink.blob.core.windows.net", resourceGroupName: "rg", tags },
        subscriptionId: "00000000-0000-0000-0000-000000000000",
        lookup: () => undefined,
        all: () => [],
    };
}

describe("private DNS zone tag names (Azure DNS: no spaces, parentheses, Unicode or leading digit)", () => {
    it.each([["cost center"], ["team(a)"], ["1team"], ["kostenstelle-ü"]])("refuses the tag name %j, naming it and the fix", (name) => {
        const found = armRejections(zone({ owner: "o", [name]: "v" }));
        expect(found).toEqual([`azure-native:privatedns:PrivateZone "zone-blob": tags ${JSON.stringify(name)}: Azure DNS zones refuse tag names with spaces, parentheses, Unicode characters or a leading digit; rename the tag`]);
    });

    it("accepts tag names other resources accept, and values with any characters", () => {
        expect(armRejections(zone({ owner: "ml platform (team) ü", costCenter: "CC-1", "team-2": "x", data_owner: "1 2 3" }))).toEqual([]);
    });
});
