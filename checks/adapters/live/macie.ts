import { criteriaFromApi } from '../../model/macie-criteria.js';
import { dataAt, liveAttr, liveDerived, liveLink, liveResource, type LiveAdapter } from './helpers/index.js';

/** A classification job as ListClassificationJobs lists it (bucketDefinitions, or bucketCriteria instead). */
const classificationJob: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.macie.classification-job', ctx, [dataAt(rec, 'jobId')]);
  const defs = dataAt(rec, 'bucketDefinitions');
  const names = (Array.isArray(defs) ? defs : []).flatMap((d) => {
    const buckets = (d as { buckets?: unknown }).buckets;
    return Array.isArray(buckets) ? buckets.filter((b): b is string => typeof b === 'string') : [];
  });
  const criteria = dataAt(rec, 'bucketCriteria');
  r.attrs = {
    name: liveAttr(rec, ctx, 'name'),
    jobType: liveAttr(rec, ctx, 'jobType'),
    jobStatus: liveAttr(rec, ctx, 'jobStatus'),
    bucketNames: liveDerived(rec, ctx, 'bucketDefinitions', names, [], names.length ? 'explicit' : 'default'),
    usesBucketCriteria: liveDerived(rec, ctx, 'bucketCriteria', Boolean(criteria && typeof criteria === 'object' && Object.keys(criteria).length), []),
    bucketCriteria: liveDerived(rec, ctx, 'bucketCriteria', criteriaFromApi(criteria), []),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'buckets', names, ['aws.s3.bucket'], { attribute: 'bucketDefinitions' }));
  return r;
};

export const macieLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Macie::ClassificationJob': classificationJob };
