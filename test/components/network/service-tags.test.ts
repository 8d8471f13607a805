/** The service tag table (components/network/service-tags.ts): documented names, regional forms, case. */
import { SERVICE_TAGS, serviceTagProblem } from "../../../components/network/service-tags";

describe("serviceTagProblem", () => {
    it.each(["AzureMachineLearning", "Storage", "storage", "AzureFrontDoor.Frontend", "Storage.WestEurope", "storage.westeurope", "AzureCloud.centralfrance", "Sql.EastUS2"])(
        "accepts %s",
        (tag) => expect(serviceTagProblem(tag)).toBeUndefined(),
    );

    it("refuses a misspelt tag", () => {
        expect(serviceTagProblem("AzureMonitorr")?.problem).toBe('"AzureMonitorr" is not an Azure service tag');
        expect(serviceTagProblem("Storrage.WestEurope")?.problem).toBe('"Storrage.WestEurope" is not an Azure service tag');
    });

    it("refuses a regional form of a tag without regional scope, naming the base tag", () => {
        expect(serviceTagProblem("AzureMonitor.WestEurope")).toEqual({ problem: 'service tag AzureMonitor has no regional form ("AzureMonitor.WestEurope")', base: "AzureMonitor" });
        expect(serviceTagProblem("Storage.West Europe")?.problem).toMatch(/is not a region name/);
    });

    it("knows the tags the platform's own rules and docs rely on", () => {
        for (const t of ["AzureMachineLearning", "AzureActiveDirectory", "AzureResourceManager", "AzureContainerRegistry", "AzureKeyVault", "AzureMonitor", "Storage", "BatchNodeManagement", "MicrosoftContainerRegistry"]) {
            expect(SERVICE_TAGS[t]).toBeDefined();
        }
        expect(SERVICE_TAGS.Storage?.regional).toBe(true);
        expect(SERVICE_TAGS.AzureMachineLearning?.regional).toBe(false);
    });
});
