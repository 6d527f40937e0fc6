/**
 * Least-privilege ACLs for Kefu's services: what each service's principal may read, write, join and commit
 * ({@link io.kefu.security.acl.ServiceAcls}), the plan for a set of principals ({@link io.kefu.security.acl.AclPlan})
 * and its idempotent installation ({@link io.kefu.security.acl.AclInstaller}).
 */
package io.kefu.security.acl;
