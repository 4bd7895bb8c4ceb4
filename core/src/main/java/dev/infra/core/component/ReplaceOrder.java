package dev.infra.core.component;

/**
 * How a replacement of a resource type runs. {@link #CREATE_FIRST} where AWS lets the old and the new resource
 * coexist (a new task definition revision, a rule with other values, anything without a unique name), so the old
 * one keeps serving until what reads it has moved to the new one; {@link #DELETE_FIRST} where a unique name (or a
 * unique slot, such as a subnet's CIDR block) means the new one cannot exist until the old one is gone.
 */
public enum ReplaceOrder { CREATE_FIRST, DELETE_FIRST }
