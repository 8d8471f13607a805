/**
 * README.md's configuration reference is generated from the schema; this
 * fails when someone changes the schema and forgets `npm run docs`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MARKERS, renderConfigReference, withCurrentReference } from "../../stacks/tools/config-reference";

const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

it("README.md holds the current configuration reference (run `npm run docs` to refresh)", () => {
    expect(readme).toBe(withCurrentReference(readme));
});

it("the reference lists every top-level key with its default", () => {
    const table = renderConfigReference();
    for (const key of ["environment", "location", "network.publicNetworkAccess", "storage.sku", "keyVault.purgeProtection", "containerRegistry.mode", "encryption.customerManagedKey.enabled"]) {
        expect(table).toContain(`| \`${key}\` |`);
    }
    expect(table).toMatch(/\| `containerRegistry\.mode` \| `onDemand` \\\| `always` \\\| `existing` \| `"onDemand"` \|/);
    expect(readme.indexOf(MARKERS.start)).toBeGreaterThan(0);
});
