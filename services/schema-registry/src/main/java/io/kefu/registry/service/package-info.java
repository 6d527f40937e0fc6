/**
 * The registry's rules: the state rebuilt from the registry topic, and the service that registers, looks up and
 * checks schemas and compatibility levels, answering Confluent's error codes.
 */
package io.kefu.registry.service;
