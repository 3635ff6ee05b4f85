import type { AccessView, InventoryRow, KeyView, Settings, StateView } from '../lib/types';

export function makeState(over: Partial<StateView> = {}): StateView {
  return {
    needsSetup: false,
    orgId: 'org_7H2kQ9',
    orgName: 'Acme',
    me: { id: 'mem_1', name: 'Dana', email: 'dana@acme.test', role: 'owner' },
    apiAccess: true,
    canManageKeys: true,
    payerInvoice: false,
    payerOrganization: false,
    dataDir: '/home/dana/.local/share/proofkeys',
    vaultBackend: 'secret-service',
    version: 'v0.1.0',
    needsSignIn: false,
    access: makeAccess(),
    ...over,
  };
}

export function makeAccess(over: Partial<AccessView> = {}): AccessView {
  return {
    signInRequired: false,
    autoLockMinutes: 15,
    hasPassphrase: false,
    canManageMembers: true,
    canApplyEnablement: true,
    canChangeSettings: true,
    demo: false,
    grantors: ['Dana'],
    signInChoices: [],
    ...over,
  };
}

export function makeSettings(over: Partial<Settings> = {}): Settings {
  return {
    name: 'Salesforce sync',
    payer: 'signer',
    minSigners: 1,
    maxSigners: 1,
    documentRequirement: 'notarization',
    transactionName: '',
    transactionType: '',
    documentCategory: '',
    externalId: '',
    allowSignerAnnotations: true,
    requireSecondaryPhotoId: false,
    forceRedirect: false,
    redirectUrl: '',
    redirectButtonText: '',
    ...over,
  };
}

export function makeKey(over: Partial<Omit<KeyView, 'settings'>> & { settings?: Partial<Settings> } = {}): KeyView {
  const { settings, ...rest } = over;
  return {
    id: 'key_1',
    environment: 'production',
    hint: 'prf_…x7Qa',
    createdAt: '2026-11-02T10:00:00Z',
    createdBy: 'Dana',
    rotationDue: false,
    ...rest,
    copyCount: rest.copyCount ?? 0,
    settings: makeSettings(settings),
  };
}

/** A row of the key inventory: an active production key made by Dana, never copied. */
export function makeInventoryRow(id: string, over: Partial<InventoryRow> = {}): InventoryRow {
  return {
    id,
    name: id,
    environment: 'production',
    key: 'prf_…abcd',
    state: 'active',
    payer: 'signer',
    minSigners: 1,
    maxSigners: 1,
    stateLabel: 'Active',
    payerLabel: 'Signer',
    signers: '1',
    createdAt: '2026-01-01T00:00:00Z',
    createdBy: 'Dana',
    ageDays: 10,
    rotation: 'ok',
    copyCount: 0,
    ...over,
  };
}
