package dev.meshwright.api.operator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a free-form map attribute keep {@code null} values (Immutables recognises the simple name). Helm
 * values use {@code key: null} (or an empty value) to delete a default, so those nulls must survive.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.SOURCE)
@interface AllowNulls {}
