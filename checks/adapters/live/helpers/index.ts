/**
 * What every live adapter (checks/adapters/live/<service>.ts) builds on. A service adapter imports
 * from here and from checks/adapters/shared/, never from another service adapter, Terraform or live
 * (test/architecture.test.ts holds it to that). Each file here has one job:
 *
 *   record.ts    the context (`LiveCtx`), the resource base (`liveResource`), fields (`dataAt`), locations, read errors
 *   values.ts    attribute values: `liveAttr`, `liveDerived`, `liveFacetAttr`, `livePolicyList`
 *   tags.ts      `tags` and `dataClass` (`tagVals`)
 *   links.ts     link requests (`liveLink`) and region-scoped tokens (`liveRefToken`, `logGroupToken`)
 *   kms-keys.ts  whether a key reference is AWS-managed (`keyIsAwsManaged`, `keyFlag`, `unlistedKeyUnknown`)
 *   account.ts   the id of an account's live resource (`accountArn`)
 *   imds.ts      instance metadata service settings (`imdsVals`)
 *   parameter-group.ts  the parameter group of an RDS-API database as a resource (`withParameterGroup`)
 *
 * The words configured, computed and default mean what checks/adapters/terraform/helpers/index.ts
 * says; against an API answer they come to this:
 *
 * - **configured**: the answer holds the field (the account has it set); origin `explicit`.
 * - **computed**: does not occur: a live value is known. A field the API could not be asked (its facet's
 *   read failed) is an error (`errorVal`), never a guess; a fact the API does not give at all stays unknown.
 * - **default**: what the API means when its answer leaves the field out (`default` in `liveAttr`, the same
 *   value the Terraform adapter of the kind uses); origin `default`.
 *
 * A value the adapter works out from several fields is derived (`liveDerived`), with the facets it
 * depends on.
 */
export { liveResource, describeError, locAt, dataAt, type LiveAdapter, type LiveCtx } from './record.js';
export { liveAttr, liveDerived, liveFacetAttr, livePolicyList, asBool, asNumber, type LiveAttrOptions } from './values.js';
export { tagVals } from './tags.js';
export { liveLink, liveRefToken, logGroupToken } from './links.js';
export { keyIsAwsManaged, keyFlag, unlistedKeyUnknown } from './kms-keys.js';
export { accountArn } from './account.js';
export { credentialAttrs } from './credential-report.js';
export { imdsVals } from './imds.js';
export { withParameterGroup } from './parameter-group.js';
