/** What the chaos integration tests share: the model store of the small base model. */
package io.kefu.chaos.testing;
