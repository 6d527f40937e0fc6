/**
 * Kafka security for Kefu: least-privilege ACLs per service ({@code acl}), a throwaway local certificate authority
 * ({@code tls}) and a secured embedded platform for local runs and tests ({@code platform}).
 */
package io.kefu.security;
