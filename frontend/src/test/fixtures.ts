import type { AccessView, InventoryRow, KeyPage, KeyQuery, KeyView, Settings, StateView } from '../lib/types';

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
    shared: false,
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

/** A key as GenerateKey and SaveKeySettings return it: with its settings; its name and payer are theirs. */
export function makeKey(
  over: Partial<Omit<KeyView, 'settings' | 'name' | 'payer'>> & { settings?: Partial<Settings> } = {},
): KeyView & { settings: Settings } {
  const { settings: partial, ...rest } = over;
  const settings = makeSettings(partial);
  return {
    id: 'key_1',
    environment: 'production',
    hint: 'prf_…x7Qa',
    createdAt: '2026-11-02T10:00:00Z',
    createdBy: 'Dana',
    rotationDue: false,
    copied: false,
    exposed: false,
    ...rest,
    name: settings.name,
    payer: settings.payer,
    settings,
  };
}

/** A key as KeyPage sends it: without its settings, which its panel asks for. */
export function asListed(k: KeyView): KeyView {
  const { settings: _settings, ...rest } = k;
  return rest;
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

/**
 * Go's KeyPage over keys, as a mock implementation: the window asked for, with the counts
 * of the whole list. It neither searches nor orders: Go's tests cover that.
 */
export function keysPage(keys: KeyView[], over: Partial<KeyPage> = {}): (q: KeyQuery) => Promise<KeyPage> {
  return async (q) => ({
    keys: keys.slice(q.offset, q.offset + q.limit),
    offset: q.offset,
    matched: keys.length,
    total: keys.length,
    overdue: keys.filter((k) => k.rotationDue).length,
    withdrawnPayer: [],
    withdrawnCount: 0,
    ...over,
  });
}
