/**
 * The IoT Edge host's library surface (issue 12): the manifest builder, its schema and release
 * table, the IoT Hub data-plane client and dynamic providers, and the component that puts a model
 * on a device. components/index.ts re-exports this file.
 */
export { IotHub, IotHubSku, IOT_HUB_DEFAULTS, IOT_HUB_MAX_UNITS, iotHubUnitsProblem, type IotHubArgs } from "./iot-hub";
export { EdgeRegistryToken, edgeTokenName, pullOnlyActions, SCOPE_MAP_ACTION_PATTERN, type EdgeRegistryTokenArgs } from "./edge-registry-token";
export { IotEdgeModelDeployment, edgeDeploymentIdPrefix, type IotEdgeModelDeploymentArgs } from "./edge-model-deployment";
export {
    buildEdgeManifest,
    registryKey,
    registryProblems,
    upstreamRoute,
    EDGE_MANIFEST_DEFAULTS,
    EdgeManifestError,
    type EdgeManifestArgs,
    type EdgeModelModuleArgs,
    type EdgeModuleContainerArgs,
    type EdgeModulesContent,
    type EdgeRegistryCredentialArgs,
    type EdgeRuntimeArgs,
} from "./edge-manifest";
export { edgeManifestOutput, type EdgeManifestInputs } from "./edge-manifest-output";
export { edgeManifestProblems, EDGE_MANIFEST_SCHEMA } from "./edge-manifest-schema";
export { EdgeImagePullPolicy, EdgeModuleRestartPolicy, EdgeModuleStatus } from "./edge-enums";
export {
    DEFAULT_IOT_EDGE_RUNTIME_LINE,
    IOT_EDGE_IMAGE_REGISTRY,
    IOT_EDGE_RUNTIME_RELEASES,
    IotEdgeRuntimeLine,
    runtimeLineProblem,
    systemModuleImages,
    type IotEdgeRuntimeRelease,
} from "./edge-runtime-versions";
export {
    IotEdgeDeployment,
    IotEdgeDevice,
    IotHubTokenSource,
    iotEdgeDeploymentProvider,
    iotEdgeDeviceProvider,
    type IotEdgeDeploymentArgs,
    type IotEdgeDeviceArgs,
    type IotHubProviderRuntime,
} from "./iothub-dynamic";
export {
    DEFAULT_DEPLOYMENT_PRIORITY,
    EdgeDeviceAuthentication,
    configurationIdFor,
    createDeployment,
    createDevice,
    deleteDeployment,
    deleteDevice,
    deviceTargetCondition,
    readDeployment,
    readDevice,
    updateDeployment,
    updateDevice,
    type EdgeDeploymentSpec,
    type EdgeDeploymentState,
    type EdgeDeviceSpec,
    type EdgeDeviceState,
} from "./iothub-resources";
export { IOTHUB_API_VERSION, IOTHUB_ENTRA_SCOPE, IotHubClient, iotHubRequestError, type IotHubClientOptions, type IotHubRequestError } from "./iothub-rest";
export { entraTokenFromAzureCli, type ExecFile } from "./azure-cli-token";
