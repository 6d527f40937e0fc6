/** What processors hand downstream ({@link io.kefu.feedback.route.Routed}) and how dead letters are built. */
package io.kefu.feedback.route;
