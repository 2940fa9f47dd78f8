package adapters.eventstore;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * The event store's serializer: {@link StoredUserPage}, nearly all of the store's bytes, in the
 * compact binary form of {@link UserPageCodec}; every other payload and the metadata as JSON by the
 * delegate, so the run's events stay readable in the database and old stores load as before.
 */
final class EventPayloadSerializer implements Serializer {

    private static final SerializedType PAGE_TYPE = new SimpleSerializedType(StoredUserPage.class.getName(), null);

    private final Serializer json;

    EventPayloadSerializer(Serializer json) {
        this.json = json;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object instanceof StoredUserPage page) {
            byte[] bytes = UserPageCodec.encode(page);
            return new SimpleSerializedObject<>(
                    getConverter().convert(bytes, byte[].class, expectedRepresentation),
                    expectedRepresentation,
                    PAGE_TYPE);
        }
        return json.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (PAGE_TYPE.getName().equals(serializedObject.getType().getName())) {
            byte[] bytes =
                    getConverter().convert(serializedObject.getData(), serializedObject.getContentType(), byte[].class);
            return (T) UserPageCodec.decode(bytes);
        }
        return json.deserialize(serializedObject);
    }

    @Override
    public Class classForType(SerializedType type) {
        return PAGE_TYPE.getName().equals(type.getName()) ? StoredUserPage.class : json.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return StoredUserPage.class.equals(type) ? PAGE_TYPE : json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }
}
