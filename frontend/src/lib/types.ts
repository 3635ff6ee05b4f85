// The shapes the Go side sends and takes, by their JSON names.

export type Environment = 'production' | 'sandbox';
export type Role = 'owner' | 'admin' | 'team_member';
export type Payer = 'signer' | 'invoice' | 'organization';
export type DocumentRequirement = 'notarization' | 'esign' | 'identity_confirmation';

export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface StateView {
  needsSetup: boolean;
  orgId: string;
  orgName: string;
  me: Member;
  apiAccess: boolean;
  canManageKeys: boolean;
  payerInvoice: boolean;
  payerOrganization: boolean;
  dataDir: string;
  vaultBackend: string;
}

export interface SetupInput {
  orgName: string;
  name: string;
  email: string;
}

export interface Settings {
  name: string;
  payer: Payer;
  minSigners: number;
  maxSigners: number;
  documentRequirement: DocumentRequirement;
  transactionName: string;
  transactionType: string;
  documentCategory: string;
  externalId: string;
  allowSignerAnnotations: boolean;
  requireSecondaryPhotoId: boolean;
  forceRedirect: boolean;
  redirectUrl: string;
  redirectButtonText: string;
}

export interface KeyView {
  id: string;
  environment: Environment;
  /** The key's prefix and last characters, e.g. "prf_…x7Qa". Never the secret. */
  hint: string;
  /** RFC 3339. */
  createdAt: string;
  /** The name of the member who generated the key. */
  createdBy: string;
  settings: Settings;
}
