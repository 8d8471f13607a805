/**
 * Value sets of serving, as `as const` objects (the component analyzer describes these to other
 * languages; a TypeScript union of literals would not be).
 */

/** Where an endpoint runs. */
export const EndpointHost = {
    /** An Azure Container Instances container group. */
    ContainerInstance: "containerInstance",
    /** An Azure ML managed online endpoint. */
    ManagedOnline: "managedOnline",
    /** Plain Kubernetes objects (Deployment, Service, HPA, PDB, NetworkPolicy) on an AKS cluster. */
    Kubernetes: "kubernetes",
    /** An Azure ML online endpoint on attached Kubernetes compute. */
    KubernetesOnline: "kubernetesOnline",
    /** A module on an Azure IoT Edge device, deployed through the serving workspace's IoT hub. */
    IotEdge: "iotEdge",

    /** The Kubernetes host's objects on an AKS FPGA pool (NP-series, Xilinx U250), with the FPGA device plugin. */
    Fpga: "fpga",
} as const;
export type EndpointHost = (typeof EndpointHost)[keyof typeof EndpointHost];

/** How callers of an online endpoint authenticate. */
export const EndpointAuthMode = {
    /** Microsoft Entra ID tokens (ARM `AADToken`). */
    AadToken: "aadToken",
    /**
     * Azure ML tokens (ARM `AMLToken`): short-lived, but not role-scoped. The strongest mode a
     * Kubernetes online endpoint offers ("Authenticate clients for online endpoints",
     * https://learn.microsoft.com/azure/machine-learning/how-to-authenticate-online-endpoint:
     * aad_token is for managed online endpoints only).
     */
    AmlToken: "amlToken",
    /** Endpoint keys (ARM `Key`). */
    Key: "key",
} as const;
export type EndpointAuthMode = (typeof EndpointAuthMode)[keyof typeof EndpointAuthMode];

/** Restart policy of a container group. */
export const ContainerRestartPolicy = { Always: "Always", OnFailure: "OnFailure", Never: "Never" } as const;
export type ContainerRestartPolicy = (typeof ContainerRestartPolicy)[keyof typeof ContainerRestartPolicy];

/** How a Kubernetes scoring Service is reached. */
export const KubernetesServiceType = {
    /** A private IP in the virtual network (an Azure internal load balancer). */
    InternalLoadBalancer: "InternalLoadBalancer",
    /** Inside the cluster only. */
    ClusterIp: "ClusterIP",
} as const;
export type KubernetesServiceType = (typeof KubernetesServiceType)[keyof typeof KubernetesServiceType];

/** Where a model is registered. */
export const ModelRegistryTarget = { Workspace: "workspace", Platform: "platform" } as const;
export type ModelRegistryTarget = (typeof ModelRegistryTarget)[keyof typeof ModelRegistryTarget];

/** Azure ML model types. */
export const ModelType = { CustomModel: "custom_model", MlflowModel: "mlflow_model", TritonModel: "triton_model" } as const;
export type ModelType = (typeof ModelType)[keyof typeof ModelType];

/** Which metric set an endpoint's alerts watch (hosts/host.ts `EndpointMetricsSource.kind`). */
export const EndpointMetricsKind = {
    /** A container group (CPU, memory, network); its requests come from Application Insights. */
    ContainerInstance: "containerInstance",
    /** An Azure ML online endpoint (requests, latency by status code class). */
    OnlineEndpoint: "onlineEndpoint",
    /** The Application Insights component the endpoint's app reports to (requests by cloud role name). */
    ApplicationInsights: "applicationInsights",
} as const;
export type EndpointMetricsKind = (typeof EndpointMetricsKind)[keyof typeof EndpointMetricsKind];
