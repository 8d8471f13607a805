/**
 * Awaiting outputs outside the engine: known values resolve, unknown ones
 * (preview) are reported instead of hanging, and secrets stay marked.
 */
import * as pulumi from "@pulumi/pulumi";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { UNKNOWN, isSecret } from "../../offline/graph";
import { promiseOf, settle, settleMarked } from "../../offline/outputs";
import { runStack } from "../../offline/run-stack";

let groupId: pulumi.Output<string>;
let groupName: pulumi.Output<string>;

beforeAll(async () => {
    await runStack({
        stack: "outputs",
        config: {},
        preview: true,
        program: () => {
            const group = new ResourceGroup("rg", { resourceGroupName: "rg-outputs", location: "westeurope" });
            groupId = group.id;
            groupName = group.name;
            return {};
        },
    });
});

it("a known output resolves to its value", async () => {
    await expect(promiseOf(pulumi.output("westeurope"))).resolves.toBe("westeurope");
});

it("an output unknown during preview settles to UNKNOWN and makes promiseOf reject", async () => {
    await expect(settle(groupId)).resolves.toBe(UNKNOWN);
    await expect(promiseOf(groupName)).rejects.toThrow(/unknown \(preview\)/);
});

it("a secret output comes back marked, with its value", async () => {
    const marked = await settleMarked(pulumi.secret("s3cret"));
    expect(isSecret(marked)).toBe(true);
    expect(isSecret(marked) && marked.value).toBe("s3cret");
    expect(isSecret(await settleMarked(pulumi.output("plain")))).toBe(false);
});
