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

export namespace audit {
	
	export class Change {
	    field: string;
	    old: string;
	    new: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.old = source["old"];
	        this.new = source["new"];
	    }
	}

}

export namespace inventory {
	
	export class Band {
	    label: string;
	    from: number;
	    to: number;
	    count: number;
	    overdue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Band(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.count = source["count"];
	        this.overdue = source["overdue"];
	    }
	}
	export class Chart {
	    policyDays: number;
	    bands: Band[];
	
	    static createFrom(source: any = {}) {
	        return new Chart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.policyDays = source["policyDays"];
	        this.bands = this.convertValues(source["bands"], Band);
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
	export class Row {
	    id: string;
	    name: string;
	    environment: string;
	    key: string;
	    state: string;
	    payer: string;
	    minSigners: number;
	    maxSigners: number;
	    stateLabel: string;
	    payerLabel: string;
	    signers: string;
	    // Go type: time
	    createdAt: any;
	    createdBy: string;
	    ageDays: number;
	    rotation: string;
	    // Go type: time
	    rotationDue: any;
	    copyCount: number;
	    // Go type: time
	    lastCopiedAt: any;
	    lastCopiedBy?: string;
	    replaces?: string;
	    replacedBy?: string;
	    // Go type: time
	    expiresAt: any;
	    // Go type: time
	    deletedAt: any;
	    deletedBy?: string;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.environment = source["environment"];
	        this.key = source["key"];
	        this.state = source["state"];
	        this.payer = source["payer"];
	        this.minSigners = source["minSigners"];
	        this.maxSigners = source["maxSigners"];
	        this.stateLabel = source["stateLabel"];
	        this.payerLabel = source["payerLabel"];
	        this.signers = source["signers"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.createdBy = source["createdBy"];
	        this.ageDays = source["ageDays"];
	        this.rotation = source["rotation"];
	        this.rotationDue = this.convertValues(source["rotationDue"], null);
	        this.copyCount = source["copyCount"];
	        this.lastCopiedAt = this.convertValues(source["lastCopiedAt"], null);
	        this.lastCopiedBy = source["lastCopiedBy"];
	        this.replaces = source["replaces"];
	        this.replacedBy = source["replacedBy"];
	        this.expiresAt = this.convertValues(source["expiresAt"], null);
	        this.deletedAt = this.convertValues(source["deletedAt"], null);
	        this.deletedBy = source["deletedBy"];
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
	export class Summary {
	    total: number;
	    inUse: number;
	    active: number;
	    overdue: number;
	    dueSoon: number;
	    expiring: number;
	    deletedLast30: number;
	    neverCopied: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.inUse = source["inUse"];
	        this.active = source["active"];
	        this.overdue = source["overdue"];
	        this.dueSoon = source["dueSoon"];
	        this.expiring = source["expiring"];
	        this.deletedLast30 = source["deletedLast30"];
	        this.neverCopied = source["neverCopied"];
	    }
	}
	export class Report {
	    // Go type: time
	    generatedAt: any;
	    orgId: string;
	    orgName: string;
	    rotationDays: number;
	    auditAnchor: string;
	    summary: Summary;
	    chart: Chart;
	    keys: Row[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.generatedAt = this.convertValues(source["generatedAt"], null);
	        this.orgId = source["orgId"];
	        this.orgName = source["orgName"];
	        this.rotationDays = source["rotationDays"];
	        this.auditAnchor = source["auditAnchor"];
	        this.summary = this.convertValues(source["summary"], Summary);
	        this.chart = this.convertValues(source["chart"], Chart);
	        this.keys = this.convertValues(source["keys"], Row);
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

export namespace keys {
	
	export class Orphan {
	    keyId: string;
	    label: string;
	    environment: string;
	    reattachable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Orphan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keyId = source["keyId"];
	        this.label = source["label"];
	        this.environment = source["environment"];
	        this.reattachable = source["reattachable"];
	    }
	}
	export class Reattached {
	    reattached: number;
	    recreated: number;
	
	    static createFrom(source: any = {}) {
	        return new Reattached(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reattached = source["reattached"];
	        this.recreated = source["recreated"];
	    }
	}

}

export namespace org {
	
	export class Policies {
	    rotationDays: number;
	    clipboardClearSeconds: number;
	
	    static createFrom(source: any = {}) {
	        return new Policies(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationDays = source["rotationDays"];
	        this.clipboardClearSeconds = source["clipboardClearSeconds"];
	    }
	}

}

export namespace ui {
	
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
	export class AccessView {
	    signInRequired: boolean;
	    autoLockMinutes: number;
	    hasPassphrase: boolean;
	    canManageMembers: boolean;
	    canApplyEnablement: boolean;
	    canChangeSettings: boolean;
	    demo: boolean;
	    grantors: string[];
	    signInChoices: MemberView[];
	
	    static createFrom(source: any = {}) {
	        return new AccessView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.signInRequired = source["signInRequired"];
	        this.autoLockMinutes = source["autoLockMinutes"];
	        this.hasPassphrase = source["hasPassphrase"];
	        this.canManageMembers = source["canManageMembers"];
	        this.canApplyEnablement = source["canApplyEnablement"];
	        this.canChangeSettings = source["canChangeSettings"];
	        this.demo = source["demo"];
	        this.grantors = source["grantors"];
	        this.signInChoices = this.convertValues(source["signInChoices"], MemberView);
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
	export class AuditFilterInput {
	    actor: string;
	    keyId: string;
	    action: string;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditFilterInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.actor = source["actor"];
	        this.keyId = source["keyId"];
	        this.action = source["action"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class EventView {
	    seq: number;
	    time: string;
	    actor: string;
	    actorName: string;
	    action: string;
	    keyId?: string;
	    keyName?: string;
	    detail?: string;
	    changes?: audit.Change[];
	    flag?: string;
	
	    static createFrom(source: any = {}) {
	        return new EventView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.time = source["time"];
	        this.actor = source["actor"];
	        this.actorName = source["actorName"];
	        this.action = source["action"];
	        this.keyId = source["keyId"];
	        this.keyName = source["keyName"];
	        this.detail = source["detail"];
	        this.changes = this.convertValues(source["changes"], audit.Change);
	        this.flag = source["flag"];
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
	export class AuditView {
	    events: EventView[];
	    matched: number;
	    offset: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.events = this.convertValues(source["events"], EventView);
	        this.matched = source["matched"];
	        this.offset = source["offset"];
	        this.pageSize = source["pageSize"];
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
	export class ChainView {
	    intact: boolean;
	    broken?: string;
	    anchor?: string;
	    events: number;
	
	    static createFrom(source: any = {}) {
	        return new ChainView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.intact = source["intact"];
	        this.broken = source["broken"];
	        this.anchor = source["anchor"];
	        this.events = source["events"];
	    }
	}
	export class CheckedKey {
	    id: string;
	    name: string;
	    hint: string;
	    environment: string;
	    state: string;
	    createdAt: string;
	    createdBy: string;
	    deletedAt?: string;
	    deletedBy?: string;
	    expiresAt?: string;
	    replacementLabel?: string;
	
	    static createFrom(source: any = {}) {
	        return new CheckedKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.hint = source["hint"];
	        this.environment = source["environment"];
	        this.state = source["state"];
	        this.createdAt = source["createdAt"];
	        this.createdBy = source["createdBy"];
	        this.deletedAt = source["deletedAt"];
	        this.deletedBy = source["deletedBy"];
	        this.expiresAt = source["expiresAt"];
	        this.replacementLabel = source["replacementLabel"];
	    }
	}
	export class CheckView {
	    verdict: string;
	    ok: boolean;
	    message: string;
	    hint: string;
	    key?: CheckedKey;
	    position?: number;
	
	    static createFrom(source: any = {}) {
	        return new CheckView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.verdict = source["verdict"];
	        this.ok = source["ok"];
	        this.message = source["message"];
	        this.hint = source["hint"];
	        this.key = this.convertValues(source["key"], CheckedKey);
	        this.position = source["position"];
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
	
	export class CopyView {
	    clearAfterSeconds: number;
	
	    static createFrom(source: any = {}) {
	        return new CopyView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clearAfterSeconds = source["clearAfterSeconds"];
	    }
	}
	export class EnablementEntryView {
	    grant: string;
	    enabled: boolean;
	    issuedBy: string;
	    keyId: string;
	    certId: string;
	    issuedAt: string;
	    appliedAt: string;
	    appliedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new EnablementEntryView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grant = source["grant"];
	        this.enabled = source["enabled"];
	        this.issuedBy = source["issuedBy"];
	        this.keyId = source["keyId"];
	        this.certId = source["certId"];
	        this.issuedAt = source["issuedAt"];
	        this.appliedAt = source["appliedAt"];
	        this.appliedBy = source["appliedBy"];
	    }
	}
	export class StaffKeyView {
	    id: string;
	    name: string;
	    addedAt?: string;
	
	    static createFrom(source: any = {}) {
	        return new StaffKeyView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.addedAt = source["addedAt"];
	    }
	}
	export class RootView {
	    id: string;
	    name: string;
	    demo: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RootView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.demo = source["demo"];
	    }
	}
	export class EnablementView {
	    apiAccess: boolean;
	    payerInvoice: boolean;
	    payerOrganization: boolean;
	    demo: boolean;
	    current: EnablementEntryView[];
	    history: EnablementEntryView[];
	    roots: RootView[];
	    revokedCerts: string[];
	    legacyStaffKeys: StaffKeyView[];
	    newCodeFormNotice: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EnablementView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.apiAccess = source["apiAccess"];
	        this.payerInvoice = source["payerInvoice"];
	        this.payerOrganization = source["payerOrganization"];
	        this.demo = source["demo"];
	        this.current = this.convertValues(source["current"], EnablementEntryView);
	        this.history = this.convertValues(source["history"], EnablementEntryView);
	        this.roots = this.convertValues(source["roots"], RootView);
	        this.revokedCerts = source["revokedCerts"];
	        this.legacyStaffKeys = this.convertValues(source["legacyStaffKeys"], StaffKeyView);
	        this.newCodeFormNotice = source["newCodeFormNotice"];
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
	
	export class ExportView {
	    path: string;
	    keys: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.keys = source["keys"];
	    }
	}
	export class Option {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class FiltersView {
	    members: Option[];
	    actions: string[];
	
	    static createFrom(source: any = {}) {
	        return new FiltersView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.members = this.convertValues(source["members"], Option);
	        this.actions = source["actions"];
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
	export class InviteView {
	    code: string;
	    expires: string;
	
	    static createFrom(source: any = {}) {
	        return new InviteView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.expires = source["expires"];
	    }
	}
	export class KeyChoicesView {
	    keys: Option[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new KeyChoicesView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keys = this.convertValues(source["keys"], Option);
	        this.total = source["total"];
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
	export class KeyView {
	    id: string;
	    environment: string;
	    hint: string;
	    createdAt: string;
	    createdBy: string;
	    name: string;
	    payer: string;
	    settings?: apikey.Settings;
	    expiresAt?: string;
	    replacedBy?: string;
	    replacedByLabel?: string;
	    replaces?: string;
	    replacesLabel?: string;
	    rotationDue: boolean;
	    copied: boolean;
	    exposed: boolean;
	
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
	        this.name = source["name"];
	        this.payer = source["payer"];
	        this.settings = this.convertValues(source["settings"], apikey.Settings);
	        this.expiresAt = source["expiresAt"];
	        this.replacedBy = source["replacedBy"];
	        this.replacedByLabel = source["replacedByLabel"];
	        this.replaces = source["replaces"];
	        this.replacesLabel = source["replacesLabel"];
	        this.rotationDue = source["rotationDue"];
	        this.copied = source["copied"];
	        this.exposed = source["exposed"];
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
	export class KeyPageView {
	    keys: KeyView[];
	    offset: number;
	    matched: number;
	    total: number;
	    overdue: number;
	    withdrawnPayer: string[];
	    withdrawnCount: number;
	
	    static createFrom(source: any = {}) {
	        return new KeyPageView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keys = this.convertValues(source["keys"], KeyView);
	        this.offset = source["offset"];
	        this.matched = source["matched"];
	        this.total = source["total"];
	        this.overdue = source["overdue"];
	        this.withdrawnPayer = source["withdrawnPayer"];
	        this.withdrawnCount = source["withdrawnCount"];
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
	export class KeyQuery {
	    environment: string;
	    search: string;
	    filter: string;
	    order: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new KeyQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.environment = source["environment"];
	        this.search = source["search"];
	        this.filter = source["filter"];
	        this.order = source["order"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	
	export class MemberListView {
	    id: string;
	    name: string;
	    email: string;
	    role: string;
	    manageApiKeys: boolean;
	    canManageKeys: boolean;
	    hasPassphrase: boolean;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new MemberListView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.manageApiKeys = source["manageApiKeys"];
	        this.canManageKeys = source["canManageKeys"];
	        this.hasPassphrase = source["hasPassphrase"];
	        this.createdAt = source["createdAt"];
	    }
	}
	
	export class NewMemberInput {
	    name: string;
	    email: string;
	    role: string;
	    manageApiKeys: boolean;
	    passphrase: string;
	
	    static createFrom(source: any = {}) {
	        return new NewMemberInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.manageApiKeys = source["manageApiKeys"];
	        this.passphrase = source["passphrase"];
	    }
	}
	
	export class OrphansView {
	    orphans: keys.Orphan[];
	    listable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OrphansView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orphans = this.convertValues(source["orphans"], keys.Orphan);
	        this.listable = source["listable"];
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
	export class PassphraseView {
	    recoveryCode: string;
	
	    static createFrom(source: any = {}) {
	        return new PassphraseView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.recoveryCode = source["recoveryCode"];
	    }
	}
	export class PoliciesInput {
	    rotationDays?: number;
	    clipboardClearSeconds?: number;
	
	    static createFrom(source: any = {}) {
	        return new PoliciesInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationDays = source["rotationDays"];
	        this.clipboardClearSeconds = source["clipboardClearSeconds"];
	    }
	}
	export class StateView {
	    needsSetup: boolean;
	    needsSignIn: boolean;
	    orgId: string;
	    orgName: string;
	    me: MemberView;
	    apiAccess: boolean;
	    canManageKeys: boolean;
	    payerInvoice: boolean;
	    payerOrganization: boolean;
	    dataDir: string;
	    vaultBackend: string;
	    version: string;
	    shared: boolean;
	    access: AccessView;
	
	    static createFrom(source: any = {}) {
	        return new StateView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.needsSetup = source["needsSetup"];
	        this.needsSignIn = source["needsSignIn"];
	        this.orgId = source["orgId"];
	        this.orgName = source["orgName"];
	        this.me = this.convertValues(source["me"], MemberView);
	        this.apiAccess = source["apiAccess"];
	        this.canManageKeys = source["canManageKeys"];
	        this.payerInvoice = source["payerInvoice"];
	        this.payerOrganization = source["payerOrganization"];
	        this.dataDir = source["dataDir"];
	        this.vaultBackend = source["vaultBackend"];
	        this.version = source["version"];
	        this.shared = source["shared"];
	        this.access = this.convertValues(source["access"], AccessView);
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
	export class RecoveredView {
	    state: StateView;
	    recoveryCode: string;
	
	    static createFrom(source: any = {}) {
	        return new RecoveredView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = this.convertValues(source["state"], StateView);
	        this.recoveryCode = source["recoveryCode"];
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
	export class ReplaceView {
	    new: KeyView;
	    old: KeyView;
	    oldDeleted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReplaceView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.new = this.convertValues(source["new"], KeyView);
	        this.old = this.convertValues(source["old"], KeyView);
	        this.oldDeleted = source["oldDeleted"];
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
	
	export class SavedView {
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new SavedView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	    }
	}
	export class ScanFinding {
	    file: string;
	    line: number;
	    column: number;
	    commit?: string;
	    date?: string;
	    hint: string;
	    verdict: string;
	    headline: string;
	    advice: string;
	    live: boolean;
	    keyId?: string;
	    keyName?: string;
	    replaceable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ScanFinding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.line = source["line"];
	        this.column = source["column"];
	        this.commit = source["commit"];
	        this.date = source["date"];
	        this.hint = source["hint"];
	        this.verdict = source["verdict"];
	        this.headline = source["headline"];
	        this.advice = source["advice"];
	        this.live = source["live"];
	        this.keyId = source["keyId"];
	        this.keyName = source["keyName"];
	        this.replaceable = source["replaceable"];
	    }
	}
	export class ScanPlace {
	    file: string;
	    line: number;
	    column: number;
	    commit?: string;
	    date?: string;
	    hint: string;
	
	    static createFrom(source: any = {}) {
	        return new ScanPlace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.line = source["line"];
	        this.column = source["column"];
	        this.commit = source["commit"];
	        this.date = source["date"];
	        this.hint = source["hint"];
	    }
	}
	export class ScanRequest {
	    folder: string;
	    everything: boolean;
	    history: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ScanRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.everything = source["everything"];
	        this.history = source["history"];
	    }
	}
	export class ScanView {
	    findings: ScanFinding[];
	    typos: ScanPlace[];
	    files: number;
	    bytes: number;
	    live: number;
	    cancelled: boolean;
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new ScanView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.findings = this.convertValues(source["findings"], ScanFinding);
	        this.typos = this.convertValues(source["typos"], ScanPlace);
	        this.files = source["files"];
	        this.bytes = source["bytes"];
	        this.live = source["live"];
	        this.cancelled = source["cancelled"];
	        this.summary = source["summary"];
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
	export class ScanStatus {
	    running: boolean;
	    files: number;
	    bytes: number;
	    findings: number;
	    typos: number;
	    result?: ScanView;
	
	    static createFrom(source: any = {}) {
	        return new ScanStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.files = source["files"];
	        this.bytes = source["bytes"];
	        this.findings = source["findings"];
	        this.typos = source["typos"];
	        this.result = this.convertValues(source["result"], ScanView);
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
	export class SnapshotView {
	    name: string;
	    taken: string;
	    size: number;
	    readable: boolean;
	    problem?: string;
	    orgName: string;
	    keys: number;
	    events: number;
	    newestEvent?: string;
	
	    static createFrom(source: any = {}) {
	        return new SnapshotView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.taken = source["taken"];
	        this.size = source["size"];
	        this.readable = source["readable"];
	        this.problem = source["problem"];
	        this.orgName = source["orgName"];
	        this.keys = source["keys"];
	        this.events = source["events"];
	        this.newestEvent = source["newestEvent"];
	    }
	}
	
	
	export class TroubleshootView {
	    apiAccess: boolean;
	    demo: boolean;
	    apiAccessBy?: EnablementEntryView;
	    enablement: EnablementEntryView[];
	    orgId: string;
	    role: string;
	    manageApiKeys: boolean;
	    canManageKeys: boolean;
	    grantors: string[];
	    vaultBackend: string;
	    vaultAnswers: boolean;
	    vaultProblem?: string;
	
	    static createFrom(source: any = {}) {
	        return new TroubleshootView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.apiAccess = source["apiAccess"];
	        this.demo = source["demo"];
	        this.apiAccessBy = this.convertValues(source["apiAccessBy"], EnablementEntryView);
	        this.enablement = this.convertValues(source["enablement"], EnablementEntryView);
	        this.orgId = source["orgId"];
	        this.role = source["role"];
	        this.manageApiKeys = source["manageApiKeys"];
	        this.canManageKeys = source["canManageKeys"];
	        this.grantors = source["grantors"];
	        this.vaultBackend = source["vaultBackend"];
	        this.vaultAnswers = source["vaultAnswers"];
	        this.vaultProblem = source["vaultProblem"];
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

