package vn.tonghop.read;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.internal.ContentType;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;

/**
 * The part names and content types of the common workbook, checked by POI once: every
 * return has the same dozen, and POI's checks of a name are a fair part of reading a
 * small workbook. Bounded, so a run of odd files cannot fill memory; a name that fails is
 * checked (and fails) anew each time.
 */
final class XlsxPartNames {

	/** The names every reading shares. */
	static final XlsxPartNames KNOWN = new XlsxPartNames();

	private static final int MAX_ENTRIES = 1000;

	private final Map<String, PackagePartName> zipItems = new ConcurrentHashMap<>();

	private final Map<String, PackagePartName> overrides = new ConcurrentHashMap<>();

	private final Set<String> contentTypes = ConcurrentHashMap.newKeySet();

	private final Map<PackagePartName, PackagePartName> relationshipParts = new ConcurrentHashMap<>();

	private final Map<PackagePartName, Boolean> relationshipPartNames = new ConcurrentHashMap<>();

	private final Map<String, PackagePartName> targets = new ConcurrentHashMap<>();

	private XlsxPartNames() {
	}

	/** The part of a zip entry, as the package names it. */
	PackagePartName partName(String zipItemName) throws InvalidFormatException {
		PackagePartName name = this.zipItems.get(zipItemName);
		if (name == null) {
			name = PackagingURIHelper.createPartName(ZipHelper.getOPCNameFromZipItemName(zipItemName));
			remember(this.zipItems, zipItemName, name);
		}
		return name;
	}

	/** The part an {@code Override} of the content types names. */
	PackagePartName overridePartName(String partName) throws InvalidFormatException, URISyntaxException {
		PackagePartName name = this.overrides.get(partName);
		if (name == null) {
			name = PackagingURIHelper.createPartName(new URI(partName));
			remember(this.overrides, partName, name);
		}
		return name;
	}

	/** The name of a part's relationship part, as POI makes it. */
	PackagePartName relationshipPartName(PackagePartName part) {
		return memo(this.relationshipParts, part, PackagingURIHelper::getRelationshipPartName);
	}

	/** Whether a part is a relationship part, as POI tells. */
	boolean isRelationshipPart(PackagePartName part) {
		return memo(this.relationshipPartNames, part, PackagePartName::isRelationshipPartURI);
	}

	/** What {@code make} gives for a key, made once while the map is not full. */
	private static <K, V> V memo(Map<K, V> map, K key, Function<K, V> make) {
		V value = map.get(key);
		if (value == null) {
			value = make.apply(key);
			if (map.size() < MAX_ENTRIES) {
				map.put(key, value);
			}
		}
		return value;
	}

	/**
	 * The part a relationship's target names from its source part, as POI resolves it; a
	 * target that does not resolve throws, and is tried anew each time.
	 */
	PackagePartName target(URI source, String target) throws InvalidFormatException, URISyntaxException {
		String key = source.toASCIIString() + '\n' + target;
		PackagePartName name = this.targets.get(key);
		if (name == null) {
			URI uri = PackagingURIHelper.toURI(target);
			if (!uri.toASCIIString().startsWith("/")) {
				uri = PackagingURIHelper.resolvePartUri(source, uri);
			}
			name = PackagingURIHelper.createPartName(uri);
			remember(this.targets, key, name);
		}
		return name;
	}

	/** Whether POI reads the content type. */
	boolean validContentType(String contentType) {
		if (this.contentTypes.contains(contentType)) {
			return true;
		}
		try {
			new ContentType(contentType);
		}
		catch (Exception ex) {
			return false;
		}
		if (this.contentTypes.size() < MAX_ENTRIES) {
			this.contentTypes.add(contentType);
		}
		return true;
	}

	private static <V> void remember(Map<String, V> map, String key, V value) {
		if (map.size() < MAX_ENTRIES && key.length() <= 200) {
			map.put(key, value);
		}
	}

}
