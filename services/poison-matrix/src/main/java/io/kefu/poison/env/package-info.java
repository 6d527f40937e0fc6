/** What a matrix run stands on: embedded broker and registry, a small real model, the real services, and their liveness. */
package io.kefu.poison.env;
