/** The subnet-role table is the one list of roles: the schema, the config type and the components agree with it. */
import * as fs from "node:fs";
import * as path from "node:path";
import { SUBNET_NAMES, SUBNET_ROLE_LIST, SUBNET_ROLES, ROLE_NAME_PARTS, type SubnetRole } from "../../../components/network/subnet-roles";
import type { SubnetRole as ConfigSubnetRole } from "../../../stacks/config-types";
import { nameProblem } from "../../../components/naming";

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../stacks/schema/platform.schema.json"), "utf8"));
const vnet = schema.properties.network.properties.virtualNetwork.properties;

// Compile-time: the config's role union and the table's are the same set.
const sameRoles: [SubnetRole] extends [ConfigSubnetRole] ? ([ConfigSubnetRole] extends [SubnetRole] ? true : false) : false = true;

describe("subnet roles", () => {
    test("the schema's subnets and subnetIds offer exactly the table's roles", () => {
        expect(sameRoles).toBe(true);
        expect(Object.keys(vnet.subnets.properties).sort()).toEqual([...SUBNET_ROLE_LIST].sort());
        expect(Object.keys(vnet.subnetIds.properties).sort()).toEqual([...SUBNET_ROLE_LIST].sort());
    });

    test("default names are valid, distinct subnet names; name parts are distinct", () => {
        for (const role of SUBNET_ROLE_LIST) expect(nameProblem("subnet", SUBNET_NAMES[role])).toBeUndefined();
        expect(new Set(Object.values(SUBNET_NAMES)).size).toBe(SUBNET_ROLE_LIST.length);
        expect(new Set(Object.values(ROLE_NAME_PARTS)).size).toBe(SUBNET_ROLE_LIST.length);
    });

    test("the scoring subnet is the delegated one (container instances), and the schema says so", () => {
        const delegated = SUBNET_ROLE_LIST.filter((r) => SUBNET_ROLES[r].delegation !== undefined);
        expect(delegated).toEqual(["scoring"]);
        expect(vnet.subnets.properties.scoring.description).toContain(SUBNET_ROLES.scoring.delegation);
    });
});
