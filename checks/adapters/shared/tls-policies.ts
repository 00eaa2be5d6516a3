/**
 * The ELB security policy a load balancer listener gets when it is HTTPS or TLS and names none: the
 * default of both the AWS provider (`ssl_policy` of aws_lb_listener) and the ELBv2 API.
 */
export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';
