package dev.refinery.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A password as NIST SP 800-63B asks: 12 to 128 characters and not among the common ones that ship with the app, with
 * no rules on which kinds of characters it has. A blank one is left to {@code @NotBlank}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordRules.class)
public @interface AcceptablePassword {

    String message() default PasswordRules.LENGTH;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
