#!/usr/bin/env node
// crm-service's token signing keys (TOKEN_SIGNING_KEYS, ADR 0021): a JWK set of P-256 keys whose
// first key signs and whose every key is published. Rotation without downtime is three deploys of
// crm-service, one command each (docs/operations.md, "Rotating the token signing key"):
//
//   node scripts/token-signing-keys.mjs new                 # a first set: one new key
//   node scripts/token-signing-keys.mjs add      < current  # 1. a new key, published but not signing yet
//   node scripts/token-signing-keys.mjs promote  < current  # 2. the newest key signs; the old one stays published
//   node scripts/token-signing-keys.mjs withdraw < current  # 3. only the signing key is left
//
// The set is read from stdin and written to stdout, on one line. It holds private keys: keep it in
// the secret store, never in a file in the repository.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

function newKey() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = `${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' };
}

function current() {
  const set = JSON.parse(readFileSync(0, 'utf8'));
  if (!Array.isArray(set.keys) || set.keys.length === 0) {
    throw new Error('stdin is not a JWK set with at least one key');
  }
  return set.keys;
}

const command = process.argv[2];
let keys;
switch (command) {
  case 'new':
    keys = [newKey()];
    break;
  case 'add':
    keys = [...current(), newKey()];
    break;
  case 'promote': {
    const old = current();
    if (old.length < 2) throw new Error('nothing to promote: add a key first');
    keys = [old[old.length - 1], ...old.slice(0, -1)];
    break;
  }
  case 'withdraw':
    keys = [current()[0]];
    break;
  default:
    process.stderr.write('usage: token-signing-keys.mjs new | add | promote | withdraw (the current set on stdin)\n');
    process.exit(2);
}
process.stdout.write(JSON.stringify({ keys }) + '\n');
