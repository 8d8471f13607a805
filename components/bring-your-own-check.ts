import * as pulumi from "@pulumi/pulumi";
import { resolveBringYourOwn, type BringYourOwn, type BringYourOwnChoice } from "./bring-your-own";

/** {@link resolveBringYourOwn}, failing the component with a `ResourceError` that names the arg. */
export function bringYourOwn(arg: string, spec: BringYourOwn | undefined, component: pulumi.Resource): BringYourOwnChoice {
    const choice = resolveBringYourOwn(arg, spec);
    if ("problem" in choice) throw new pulumi.ResourceError(choice.problem, component);
    return choice;
}
