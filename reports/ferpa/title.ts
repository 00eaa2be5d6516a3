// What the report calls itself: "<framework> readiness report", and what it is evidence for. FERPA's
// wording is the one the report always had (a DPA review); another framework's names that framework.
import { FERPA_FRAMEWORK, type FerpaReport } from './model.js';

export function reportTitle(r: Pick<FerpaReport, 'framework'>): string {
  return `${r.framework.name} readiness report`;
}

/** "a data-privacy-agreement review" for FERPA, "a FedRAMP Moderate readiness review" otherwise. */
export function reviewPurpose(r: Pick<FerpaReport, 'framework'>): string {
  return r.framework.id === FERPA_FRAMEWORK ? 'a data-privacy-agreement review' : `a ${r.framework.name} readiness review`;
}
