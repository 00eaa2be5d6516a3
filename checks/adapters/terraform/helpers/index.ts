/**
 * What every Terraform adapter (checks/adapters/terraform/<service>.ts) builds on. A service adapter
 * imports from here and from checks/adapters/shared/, never from another service adapter
 * (test/architecture.test.ts holds it to that). Each file here has one job:
 *
 *   record.ts           the resource base (`tfResource`), raw values (`rawAt`), locations, references
 *   values.ts           attribute values: `isConfigured`, `attr`, `computedAttr`, `derived`
 *   links.ts            link requests: `linkRef`, `policyDocumentRef`
 *   account.ts          the synthetic account: `ACCOUNT_ID`, `accountFacet`, `accountLink`
 *   tags.ts             `tags` and `dataClass` (`tagAttrs`)
 *   json.ts             JSON-encoded arguments (`jsonAttr`, `partialJsonVal`)
 *   kms-keys.ts         whether a key argument means the AWS-managed key (`awsManagedKeyAttr`)
 *   written-secrets.ts  whether a password or token argument is set (`secretSet`)
 *   credential-scan.ts  literal credentials in a block (`scanCredentials`)
 *   imds.ts             instance metadata service settings (`imdsAttrs`)
 *   policy-facet.ts     a standalone resource-policy resource as a facet of its store (`resourcePolicyFacet`)
 *
 * Three words, used with these meanings in every adapter, helper and kind description:
 *
 * - **configured**: the input sets the argument. The HCL writes it, or the plan's `configuration` has
 *   an expression for it (`TfRecord.configured`; `isConfigured` is true or false, or undefined when the
 *   source cannot say). A block is configured when anything inside it is written. A configured value
 *   has origin `explicit`.
 * - **computed**: known only after apply. The plan shows it as "known after apply", or the HCL
 *   evaluator cannot know it before apply (an `UnknownValue`); origin `unknown`. A value the adapter
 *   works out from other attributes is *derived* (`derived`), not computed.
 * - **default**: the value the provider (or the AWS API behind it) uses when the input does not set the
 *   argument, given as `default` in `attr`/`computedAttr`; origin `default`. A value the plan shows for
 *   an argument that is not configured is the provider's default too.
 *
 * How they combine: `attr` gives configured values as `explicit`, absent ones the default, and keeps
 * computed ones unknown. An Optional+Computed argument (the provider fills it in when it is not set)
 * is computed in a plan exactly when it is not configured; `computedAttr` then gives its default, so a
 * plan and the HCL of the same configuration reach the same value. Everything else computed stays
 * unknown: unknown is not pass.
 */
export { tfResource, rawAt, withAddress, locOf, indexFree, referencesOf, type TfAdapter } from './record.js';
export { isConfigured, attr, computedAttr, derived, asBool, asNumber, type AttrOptions, type ComputedAttrOptions } from './values.js';
export { linkRef, policyDocumentRef, refersToType } from './links.js';
export { ACCOUNT_ID, accountFacet, accountLink, appendRegionalEntry } from './account.js';
export { tagAttrs } from './tags.js';
export { jsonAttr, partialJsonVal } from './json.js';
export { awsManagedKeyAttr } from './kms-keys.js';
export { secretSet } from './written-secrets.js';
export { scanCredentials, type CredentialUse, type UnreadCredential } from './credential-scan.js';
export { imdsAttrs } from './imds.js';
export { resourcePolicyFacet } from './policy-facet.js';
