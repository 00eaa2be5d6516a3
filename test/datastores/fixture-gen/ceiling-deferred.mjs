// Deferred: RDS backup-retention ceiling policies (instance + cluster). RDS caps automated backups at 35 days,
// below the default dispositionDays (60), so no realistic fail fixture exists until the fixture harness
// accepts a per-fixture profile. Paste back into policies.mjs before the P loop to restore them.
for (const [kind, id, tf, label] of [[INST, 'aws-rds-backup-retention-ceiling', 'aws_db_instance', 'instance'], [CL, 'aws-rds-cluster-backup-retention-ceiling', 'aws_rds_cluster', 'cluster']]) {
  add({
    id, title: `RDS DB ${label} keeps automated backups no longer than the disposition window`, severity: 'low', category: 'retention', resource: kind,
    description: `backup_retention_period on the ${label} is at most dispositionDays (default 60, the NDPA disposal deadline), so a district's data deleted on request is gone from automated backups within the window. RDS allows at most 35 days, so this fails only when a DPA sets a shorter window.`,
    rationale: 'On termination or request, the vendor must dispose of student data, backups included, within the agreed window (NDPA Art. IV §6 and Exh. D, 34 CFR 99.31(a)(6)(iii), NIST 800-53 SI-12).',
    remediation: { terraform: `resource "${tf}" "main" {\n  # ...\n  backup_retention_period = 14\n}`, cli: label === 'instance' ? 'aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period 14' : 'aws rds modify-db-cluster --db-cluster-identifier <id> --backup-retention-period 14' },
    references: [AWS.backups, 'NIST SP 800-53 SI-12'],
    ...(kind === INST ? { where: standaloneNoReplica } : {}),
    rule: { assert: { path: 'backupRetentionPeriod', lte: { param: 'dispositionDays' } } },
  });
}
