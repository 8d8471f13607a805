import { runPlatform, baseConfig } from "../helpers/stack";
test("runs", async () => { for (let i=0;i<3;i++){ const t=Date.now(); await runPlatform(baseConfig()); console.log("run", Date.now()-t);} });
