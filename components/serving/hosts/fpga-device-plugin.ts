/**
 * The FPGA device plugin on one cluster (fpga-device-plugin-manifests.ts): its namespace, a
 * default-deny NetworkPolicy and the DaemonSet, through a Kubernetes provider that signs in with
 * the cluster's Entra ID user kubeconfig (as KubernetesEndpoint's). One per cluster, made by the
 * FPGA host for the first FPGA endpoint on the cluster (fpga-host.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";
import { Namespace } from "@pulumi/kubernetes/core/v1";
import { DaemonSet } from "@pulumi/kubernetes/apps/v1";
import { NetworkPolicy } from "@pulumi/kubernetes/networking/v1";
import { FPGA_DEVICE_PLUGIN } from "../../fpga";
import { fpgaDevicePluginManifests } from "./fpga-device-plugin-manifests";

/** Arguments of {@link FpgaDevicePlugin}. */
export interface FpgaDevicePluginArgs {
    /** Key of the cluster in `kubernetes.clusters` (labels). Required. */
    clusterKey: string;
    /** The cluster-user kubeconfig (exec, kubelogin; secret). Required. */
    kubeconfig: pulumi.Input<string>;
    /** Plugin image. Default: FPGA_DEVICE_PLUGIN.image (components/fpga.ts, an exact release tag). */
    image?: string;
}

/** The Xilinx/AMD FPGA device plugin DaemonSet on a cluster's FPGA pool. */
export class FpgaDevicePlugin extends pulumi.ComponentResource {
    /** The DaemonSet (FPGA workloads wait for it). */
    readonly daemonSet: DaemonSet;
    /** Name of the extended-resource prefix it registers. */
    readonly resourcePrefix: pulumi.Output<string>;

    constructor(name: string, args: FpgaDevicePluginArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:FpgaDevicePlugin", name, {}, opts);
        const provider = new Provider(`${name}-provider`, { kubeconfig: pulumi.secret(args.kubeconfig) }, { parent: this });
        const waitFor = pulumi.output(opts?.dependsOn ?? []).apply((d) => (Array.isArray(d) ? d : [d]) as pulumi.Resource[]);
        const inCluster = { parent: this, provider, dependsOn: waitFor };
        const m = fpgaDevicePluginManifests(args.clusterKey, args.image ?? FPGA_DEVICE_PLUGIN.image);
        const ns = new Namespace(`${name}-namespace`, m.namespace, inCluster);
        // The namespace stays a literal (the policy pack's devicePluginWorkloads names `<namespace>/<name>`,
        // known in preview too); the objects wait for the Namespace explicitly instead.
        const deny = new NetworkPolicy(`${name}-deny-all`, m.denyAll, { ...inCluster, dependsOn: waitFor.apply((d) => [...d, ns]) });
        this.daemonSet = new DaemonSet(`${name}-daemonset`, m.daemonSet, { ...inCluster, dependsOn: waitFor.apply((d) => [...d, ns, deny]) });
        this.resourcePrefix = pulumi.output(FPGA_DEVICE_PLUGIN.resourcePrefix);
        this.registerOutputs({ resourcePrefix: this.resourcePrefix });
    }
}
