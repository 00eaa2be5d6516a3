import type { Val } from '../../model/value.js';
import { asBool, attr, awsManagedKeyAttr, computedAttr, derived, jsonAttr, linkRef, policyDocumentRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_ecr_repository: AES256 and a mutable tag are the defaults; the encryption block cannot change after creation. */
const repository: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ecr.repository', [rec.values.name, rec.values.repository_url]);
  const encryptionType = computedAttr<string>(rec, 'encryption_configuration.0.encryption_type', { default: 'AES256', configuredAt: 'encryption_configuration' });
  const keyManaged = awsManagedKeyAttr(rec, 'encryption_configuration.0.kms_key');
  // AES256 has no KMS key at all: not customer managed, whatever kms_key says.
  const kmsKeyIsAwsManaged: Val<boolean> =
    encryptionType.origin !== 'unknown' && encryptionType.value === 'AES256' ? derived(true, [encryptionType], encryptionType.loc) : encryptionType.origin === 'unknown' ? derived<boolean>(undefined, [encryptionType]) : keyManaged;
  r.attrs = {
    name: attr<string>(rec, 'name'),
    scanOnPush: computedAttr(rec, 'image_scanning_configuration.0.scan_on_push', { default: false, map: asBool, configuredAt: 'image_scanning_configuration' }),
    imageTagMutability: computedAttr<string>(rec, 'image_tag_mutability', { default: 'MUTABLE' }),
    encryptionType,
    kmsKey: computedAttr<string>(rec, 'encryption_configuration.0.kms_key', { configuredAt: 'encryption_configuration' }),
    kmsKeyIsAwsManaged,
    policy: { value: undefined, origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'encryption_configuration.0.kms_key', ['aws.kms.key']));
  return r;
};

/** aws_ecr_repository_policy: the repository's policy, merged into the repository its `repository` names. */
const repositoryPolicy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ecr.repository');
  r.identifiers = [];
  r.attrs = { policy: jsonAttr(rec, 'policy') };
  r.linkRefs = [linkRef(rec, 'repository', 'repository', ['aws.ecr.repository']), policyDocumentRef(rec, 'policySource', 'policy')];
  r.mergeInto = 'repository';
  return r;
};

export const ecrAdapters: Record<string, TfAdapter> = { aws_ecr_repository: repository, aws_ecr_repository_policy: repositoryPolicy };
