/**
 * A registered model served on one IoT Edge device: the device identity and the deployment of the
 * manifest (edge-manifest.ts) to it, as one component the platform wiring can create per
 * `serving.endpoints.<key>` with host `iotEdge`. The IoT hub itself (azure-native `iothub:IotHubResource`, iot-hub.ts)
 * and the registry token are the caller's: this component takes their host name and credential.
 */
import * as pulumi from "@pulumi/pulumi";
import type { EdgeModuleRestartPolicy } from "./edge-enums";
import type { EdgeModuleContainerArgs, EdgeRuntimeArgs } from "./edge-manifest";
import { edgeManifestParts } from "./edge-manifest-output";
import { DEFAULT_DEPLOYMENT_PRIORITY, EdgeDeviceAuthentication } from "./iothub-resources";
import { IotEdgeDeployment, IotEdgeDevice, IotHubTokenSource, type IotHubProviderRuntime } from "./iothub-dynamic";

/** Arguments of {@link IotEdgeModelDeployment}. */
export interface IotEdgeModelDeploymentArgs {
    /** IoT hub host name, `<hub>.azure-devices.net` (required). */
    readonly hubHostName: pulumi.Input<string>;
    /** Edge device ID (required). */
    readonly deviceId: string;
    /** How the device authenticates (default `certificateAuthority`). */
    readonly authentication?: EdgeDeviceAuthentication;
    /** Primary certificate thumbprint (required for `selfSigned`; default none). */
    readonly primaryThumbprint?: pulumi.Input<string>;
    /** Secondary certificate thumbprint (default none). */
    readonly secondaryThumbprint?: pulumi.Input<string>;
    /** Model module name (required). */
    readonly moduleName: string;
    /** Digest-pinned model image from the workspace registry (required). */
    readonly image: pulumi.Input<string>;
    /** Workspace registry login server (required). */
    readonly registryLoginServer: pulumi.Input<string>;
    /** Name of the repository-scoped pull token (required). */
    readonly registryUsername: pulumi.Input<string>;
    /** One of the token's passwords (required; kept secret). */
    readonly registryPassword: pulumi.Input<string>;
    /** Container ports and limits (default: see EdgeModuleContainerArgs). */
    readonly container?: EdgeModuleContainerArgs;
    /** Environment variables of the model module (default none). */
    readonly env?: { readonly [name: string]: string };
    /** Restart policy of the model module (default `always`). */
    readonly restartPolicy?: EdgeModuleRestartPolicy;
    /** Desired properties of the model module's twin as JSON text (default none). */
    readonly desiredPropertiesJson?: string;
    /** IoT Edge runtime settings (default: see EdgeRuntimeArgs). */
    readonly runtime?: EdgeRuntimeArgs;
    /** `$edgeHub` routes (default: all module outputs to `$upstream`). */
    readonly routes?: { readonly [name: string]: string };
    /** Store-and-forward time to live in seconds (default 7200). */
    readonly timeToLiveSecs?: number;
    /** Deployment priority (default 10). */
    readonly priority?: number;
    /** Where the providers get their Entra ID token (default `environment`). */
    readonly tokenSource?: IotHubTokenSource;
}

/** The configuration ID prefix of a device's model deployment: lowercase, `-` for anything else, at most 115. */
export function edgeDeploymentIdPrefix(deviceId: string, moduleName: string): string {
    const prefix = `${deviceId}-${moduleName}`
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, "");
    return prefix.slice(0, 115).replace(/-$/, "") || "edge";
}

/** A model on an IoT Edge device: its identity and its deployment. */
export class IotEdgeModelDeployment extends pulumi.ComponentResource {
    /** The device ID. */
    readonly deviceId: pulumi.Output<string>;
    /** The deployment's configuration ID on the hub. */
    readonly configurationId: pulumi.Output<string>;
    /** The applied manifest as JSON text (secret; text, so every language can read it). */
    readonly modulesContentJson: pulumi.Output<string>;
    /** Primary symmetric key of a `sas` device (secret; undefined otherwise). */
    readonly primaryKey: pulumi.Output<string | undefined>;

    /** `runtime` is for tests only (a fake hub); a program passes nothing. */
    constructor(name: string, args: IotEdgeModelDeploymentArgs, opts?: pulumi.ComponentResourceOptions, runtime?: IotHubProviderRuntime) {
        super("aml-workspace:index:IotEdgeModelDeployment", name, {}, opts);
        const tokenSource = args.tokenSource ?? IotHubTokenSource.environment;
        const { manifest, registryPasswords } = edgeManifestParts({
            module: {
                name: args.moduleName,
                image: args.image,
                ...(args.container !== undefined ? { container: args.container } : {}),
                ...(args.env !== undefined ? { env: args.env } : {}),
                ...(args.restartPolicy !== undefined ? { restartPolicy: args.restartPolicy } : {}),
                ...(args.desiredPropertiesJson !== undefined ? { desiredProperties: JSON.parse(args.desiredPropertiesJson) as Record<string, unknown> } : {}),
            },
            registry: { loginServer: args.registryLoginServer, username: args.registryUsername, password: args.registryPassword },
            ...(args.runtime !== undefined ? { runtime: args.runtime } : {}),
            ...(args.routes !== undefined ? { routes: args.routes } : {}),
            ...(args.timeToLiveSecs !== undefined ? { timeToLiveSecs: args.timeToLiveSecs } : {}),
        });
        const device = new IotEdgeDevice(
            `${name}-device`,
            {
                hubHostName: args.hubHostName,
                deviceId: args.deviceId,
                authentication: args.authentication ?? EdgeDeviceAuthentication.certificateAuthority,
                ...(args.primaryThumbprint !== undefined ? { primaryThumbprint: args.primaryThumbprint } : {}),
                ...(args.secondaryThumbprint !== undefined ? { secondaryThumbprint: args.secondaryThumbprint } : {}),
                tokenSource,
            },
            { parent: this },
            runtime,
        );
        const deployment = new IotEdgeDeployment(
            `${name}-deployment`,
            {
                hubHostName: args.hubHostName,
                idPrefix: edgeDeploymentIdPrefix(args.deviceId, args.moduleName),
                // Through the device's output: the deployment is created after the device exists.
                targetDeviceId: device.deviceId,
                modulesContent: manifest,
                registryPasswords,
                priority: args.priority ?? DEFAULT_DEPLOYMENT_PRIORITY,
                tokenSource,
            },
            { parent: this },
            runtime,
        );
        this.deviceId = device.deviceId;
        this.configurationId = deployment.configurationId;
        // The manifest without the password (the deployment writes it in as it sends the content).
        this.modulesContentJson = manifest.apply((m) => JSON.stringify(m));
        this.primaryKey = device.primaryKey;
        this.registerOutputs({ deviceId: this.deviceId, configurationId: this.configurationId, modulesContentJson: this.modulesContentJson, primaryKey: this.primaryKey });
    }
}
