package nl.vangnet.platform.web;

import java.time.Clock;
import java.time.temporal.Temporal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.ArrayType;
import tools.jackson.databind.type.CollectionType;

import org.springframework.stereotype.Component;

/**
 * Applies {@link InputRules} to every JSON body the API reads: a text with a NUL byte or
 * a lone surrogate, an implausible date and a list that is too long are refused while
 * reading, so the answer names the field (through the path of the exception) and nothing
 * reaches a service or the database.
 */
@Component
class JsonInputModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	JsonInputModule(Clock clock) {
		super("vangnet-input-rules");
		setDeserializerModifier(new Checks(clock));
	}

	/**
	 * A value that was read but breaks a rule, with the message key that says which.
	 */
	static final class RejectedInput extends MismatchedInputException {

		private static final long serialVersionUID = 1L;

		private final String messageKey;

		private final transient Object[] arguments;

		RejectedInput(JsonParser parser, String messageKey, Object... arguments) {
			super(parser, messageKey);
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

		String messageKey() {
			return this.messageKey;
		}

		Object[] arguments() {
			return this.arguments;
		}

	}

	private static final class Checks extends ValueDeserializerModifier {

		private static final long serialVersionUID = 1L;

		private final transient Clock clock;

		Checks(Clock clock) {
			this.clock = clock;
		}

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
				ValueDeserializer<?> deserializer) {
			Class<?> type = beanDesc.getBeanClass();
			if (type == String.class || Temporal.class.isAssignableFrom(type)) {
				return new Checked(deserializer, this.clock);
			}
			return deserializer;
		}

		@Override
		public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
				BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
			return new Checked(deserializer, this.clock);
		}

		@Override
		public ValueDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType valueType,
				BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
			return new Checked(deserializer, this.clock);
		}

	}

	private static final class Checked extends DelegatingDeserializer {

		private final Clock clock;

		Checked(ValueDeserializer<?> delegate, Clock clock) {
			super(delegate);
			this.clock = clock;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate, this.clock);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			return check(parser, super.deserialize(parser, context));
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context, Object into) {
			return check(parser, super.deserialize(parser, context, into));
		}

		private Object check(JsonParser parser, Object value) {
			if (value instanceof String text) {
				String problem = InputRules.checkText(text);
				if (problem != null) {
					throw new RejectedInput(parser, problem, InputRules.MAX_TEXT);
				}
			}
			else if (!InputRules.plausible(value, this.clock)) {
				throw new RejectedInput(parser, "validation.implausibleDate", InputRules.EARLIEST.getYear(),
						InputRules.latest(this.clock).getYear());
			}
			else {
				String problem = InputRules.checkSize(value);
				if (problem != null) {
					throw new RejectedInput(parser, problem, InputRules.MAX_ITEMS);
				}
			}
			return value;
		}

	}

}
