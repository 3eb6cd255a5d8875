/**
 * The only package that knows Camunda: the order-prepress process and its thin delegates.
 */
package dev.platen.workflow;
