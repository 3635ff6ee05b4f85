import { describe, expect, it } from 'vitest';
import goSource from '../../../backend/audit/audit.go?raw';
import accessOrg from '../../../backend/access/org.go?raw';
import keySettings from '../../../backend/apikey/settings.go?raw';
import members from '../../../backend/org/members.go?raw';
import orgSettings from '../../../backend/org/settings.go?raw';
import autoLock from '../../../backend/org/signin.go?raw';
import replace from '../../../backend/keys/replace.go?raw';
import { actionLabel, actorText, changeText, detailText } from './audit';

describe('actionLabel', () => {
  it('has plain words for every action the Go side records', () => {
    const actions = [...goSource.matchAll(/Action = "([a-z._]+)"/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(10);
    for (const a of actions) expect(actionLabel(a), a).not.toBe(a);
  });

  it('reads an action it does not know as words, never the raw code', () => {
    expect(actionLabel('key.teleport')).toBe('Key: teleport');
    expect(actionLabel('member.signin_elsewhere')).toBe('Member: signin elsewhere');
    expect(actionLabel('weird')).toBe('Other: weird');
  });

  it('has the labels of the sign-in, recovery, exposure and revocation actions', () => {
    expect(actionLabel('member.signin')).toBe('Signed in');
    expect(actionLabel('member.signin_failed')).toBe('Tried to sign in with a wrong passphrase');
    expect(actionLabel('member.signin_wait')).toBe('Sign-in held back after wrong passphrases');
    expect(actionLabel('member.lock')).toBe('Locked proofkeys');
    expect(actionLabel('member.passphrase_recover')).toBe('Set a new passphrase with a recovery code');
    expect(actionLabel('key.delete_exposed')).toBe('Deleted an exposed key at once');
    expect(actionLabel('org.certificate_revoke')).toBe('Proof withdrew a CSM certificate');
  });
});

describe('actorText and detailText', () => {
  it('reads an event by nobody known as Someone', () => {
    expect(actorText('')).toBe('Someone');
    expect(actorText(undefined)).toBe('Someone');
    expect(actorText('Dana')).toBe('Dana');
  });

  it('leaves the member and key IDs out of a detail', () => {
    expect(detailText('tried to sign in as Tess (mem_A7fK29x)')).toBe('tried to sign in as Tess');
    expect(detailText('sign-in as Tess (mem_A7f) waits after 3 wrong passphrases')).toBe(
      'sign-in as Tess waits after 3 wrong passphrases',
    );
    expect(
      detailText('code enc_8fdc1f3a issued by Sam at Proof (key stk_800ea38e, certificate crt_6b8eb5ee, root rtk_6960347)'),
    ).toBe('issued by Sam at Proof');
    expect(detailText('revoked by Proof: certificate crt_1, crt_2')).toBe('revoked by Proof');
    expect(detailText('locked by Dana')).toBe('locked by Dana');
    expect(detailText('Acme (org_7H2KQ9)')).toBe('Acme (org_7H2KQ9)');
    expect(detailText('Acme')).toBe('Acme');
    expect(detailText(undefined)).toBe('');
  });
});

describe('changeText', () => {
  it('has plain words for every field the Go side records a change of', () => {
    const settingsStruct = keySettings.slice(keySettings.indexOf('type Settings struct'));
    const recorded = [
      ...[...settingsStruct.slice(0, settingsStruct.indexOf('}')).matchAll(/json:"(\w+)"/g)].map((m) => m[1]),
      ...[...accessOrg.matchAll(/Grant = "(\w+)"/g)].map((m) => m[1]),
      ...[members, autoLock, replace].flatMap((src) => [...src.matchAll(/Field: "(\w+)"/g)].map((m) => m[1])),
      ...[...orgSettings.matchAll(/add\("(\w+)"/g)].map((m) => m[1]),
    ];
    expect(recorded.length).toBeGreaterThan(20);
    for (const field of recorded) {
      expect(changeText({ field, old: 'a', new: 'b' }), field).not.toMatch(new RegExp(`^${field}:`));
    }
  });

  it('reads values in plain words', () => {
    expect(changeText({ field: 'maxSigners', old: '1', new: '4' })).toBe('Maximum signers: 1 → 4');
    expect(changeText({ field: 'payer', old: 'signer', new: 'organization' })).toBe('Payer: Signer → Your Organization');
    expect(changeText({ field: 'role', old: 'team_member', new: 'admin' })).toBe('Role: Team member → Admin');
    expect(changeText({ field: 'forceRedirect', old: 'false', new: 'true' })).toBe('Force redirect: No → Yes');
    expect(changeText({ field: 'rotationDays', old: '0', new: '90' })).toBe('Rotate keys every: off → 90 days');
    expect(changeText({ field: 'api_access', old: 'false', new: 'true' })).toBe('API access: Not enabled → Enabled');
    expect(changeText({ field: 'redirectUrl', old: '', new: 'https://x.test' })).toBe(
      'Redirect URL: (empty) → https://x.test',
    );
    const names = (id: string) => ({ key_1: 'Salesforce sync' })[id] ?? id;
    expect(changeText({ field: 'replacedBy', old: '', new: 'key_1' }, names)).toBe('Replaced by: Salesforce sync');
    expect(changeText({ field: 'teleported', old: 'a', new: 'b' })).toBe('teleported: a → b');
  });
});
