export namespace apikey {
	
	export class Settings {
	    name: string;
	    payer: string;
	    minSigners: number;
	    maxSigners: number;
	    documentRequirement: string;
	    transactionName: string;
	    transactionType: string;
	    documentCategory: string;
	    externalId: string;
	    allowSignerAnnotations: boolean;
	    requireSecondaryPhotoId: boolean;
	    forceRedirect: boolean;
	    redirectUrl: string;
	    redirectButtonText: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.payer = source["payer"];
	        this.minSigners = source["minSigners"];
	        this.maxSigners = source["maxSigners"];
	        this.documentRequirement = source["documentRequirement"];
	        this.transactionName = source["transactionName"];
	        this.transactionType = source["transactionType"];
	        this.documentCategory = source["documentCategory"];
	        this.externalId = source["externalId"];
	        this.allowSignerAnnotations = source["allowSignerAnnotations"];
	        this.requireSecondaryPhotoId = source["requireSecondaryPhotoId"];
	        this.forceRedirect = source["forceRedirect"];
	        this.redirectUrl = source["redirectUrl"];
	        this.redirectButtonText = source["redirectButtonText"];
	    }
	}

}

export namespace main {
	
	export class KeyView {
	    id: string;
	    environment: string;
	    hint: string;
	    createdAt: string;
	    createdBy: string;
	    settings: apikey.Settings;
	
	    static createFrom(source: any = {}) {
	        return new KeyView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.environment = source["environment"];
	        this.hint = source["hint"];
	        this.createdAt = source["createdAt"];
	        this.createdBy = source["createdBy"];
	        this.settings = this.convertValues(source["settings"], apikey.Settings);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MemberView {
	    id: string;
	    name: string;
	    email: string;
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new MemberView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	    }
	}
	export class SetupInput {
	    orgName: string;
	    name: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new SetupInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orgName = source["orgName"];
	        this.name = source["name"];
	        this.email = source["email"];
	    }
	}
	export class StateView {
	    needsSetup: boolean;
	    orgId: string;
	    orgName: string;
	    me: MemberView;
	    apiAccess: boolean;
	    canManageKeys: boolean;
	    payerInvoice: boolean;
	    payerOrganization: boolean;
	    dataDir: string;
	    vaultBackend: string;
	
	    static createFrom(source: any = {}) {
	        return new StateView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.needsSetup = source["needsSetup"];
	        this.orgId = source["orgId"];
	        this.orgName = source["orgName"];
	        this.me = this.convertValues(source["me"], MemberView);
	        this.apiAccess = source["apiAccess"];
	        this.canManageKeys = source["canManageKeys"];
	        this.payerInvoice = source["payerInvoice"];
	        this.payerOrganization = source["payerOrganization"];
	        this.dataDir = source["dataDir"];
	        this.vaultBackend = source["vaultBackend"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

