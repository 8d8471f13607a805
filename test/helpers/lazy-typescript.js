/**
 * TypeScript, loaded on first use. `@pulumi/pulumi` requires TypeScript eagerly (closure
 * serialization, which these tests never use), and jest pays ~150 ms to load it into every test
 * file's module registry. jest.config.js maps `typescript` here; whatever does use it (the component
 * analyzer's suite) gets the real module on first access.
 */
const path = require("node:path");

let loaded;
// An absolute path, so the `^typescript$` mapping does not send this require back here.
const ts = () => (loaded ??= require(path.join(path.dirname(require.resolve("typescript/package.json")), "lib", "typescript.js")));

module.exports = new Proxy(
    {},
    {
        get: (_, key) => ts()[key],
        has: (_, key) => key in ts(),
        ownKeys: () => Reflect.ownKeys(ts()),
        getOwnPropertyDescriptor: (_, key) => {
            const d = Object.getOwnPropertyDescriptor(ts(), key);
            return d && { ...d, configurable: true };
        },
    },
);
