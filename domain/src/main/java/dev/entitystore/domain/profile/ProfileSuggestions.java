package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Elasticsearch's profile suggestion, in memory: enabled profiles only; when a {@code name} is given, a
 * profile must match at least one of its words in the username, full name or email (each word exactly or
 * within Elasticsearch's {@code AUTO} fuzziness, the last word as a prefix: a {@code bool_prefix}
 * {@code multi_match}); the hints only rank (a profile whose uid is hinted, or whose label has a hinted
 * value, comes first). Best first; ties by username, then uid.
 */
public final class ProfileSuggestions {
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}._']+");
    private static final Pattern INNER_SEPARATORS = Pattern.compile("[._']+");
    private static final int EXACT = 3;
    private static final int PREFIX = 2;
    private static final int FUZZY = 1;
    private static final int HINT = 1;

    /** How many profiles matched in all, and the best {@code size} of them. */
    public record Result(long total, List<UserProfile> profiles) {
        public Result {
            profiles = List.copyOf(profiles);
        }
    }

    private record Scored(UserProfile profile, int score) {
    }

    private ProfileSuggestions() {
    }

    public static Result rank(List<UserProfile> profiles, ProfileSuggestRequest request) {
        List<String> words = words(request.name());
        List<Scored> matched = new ArrayList<>();
        for (UserProfile profile : profiles) {
            if (!profile.enabled()) {
                continue;
            }
            int nameScore = nameScore(profile.user(), words);
            if (!words.isEmpty() && nameScore == 0) {
                continue;
            }
            matched.add(new Scored(profile, nameScore + hintScore(profile, request)));
        }
        matched.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparing(s -> s.profile().user().username())
                .thenComparing(s -> s.profile().uid()));
        return new Result(matched.size(), matched.stream().limit(request.size()).map(Scored::profile).toList());
    }

    /** Each query word's best match in each of the three fields, summed (0: no word matched). */
    static int nameScore(ProfileUser user, List<String> words) {
        List<List<String>> fields = List.of(words(user.username()), words(user.fullName()), words(user.email()));
        int score = 0;
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            for (List<String> field : fields) {
                score += wordScore(words.get(i), last, field);
            }
        }
        return score;
    }

    private static int wordScore(String word, boolean last, List<String> field) {
        int best = 0;
        for (String token : field) {
            if (token.equals(word)) {
                return EXACT;
            }
            if (last && token.startsWith(word)) {
                best = Math.max(best, PREFIX);
            } else if (!last && editDistance(word, token) <= fuzziness(word)) {
                best = Math.max(best, FUZZY);
            }
        }
        return best;
    }

    private static int hintScore(UserProfile profile, ProfileSuggestRequest request) {
        int score = request.hintUids().contains(profile.uid()) ? HINT : 0;
        if (request.hintLabel() != null) {
            List<String> values = new ArrayList<>();
            leaves(labelAt(profile, request.hintLabel()), values);
            if (values.stream().anyMatch(request.hintLabelValues()::contains)) {
                score += HINT;
            }
        }
        return score;
    }

    /** The label under {@code key}: a key of its own, else a dotted path (a {@code flattened} field's keys). */
    private static JsonNode labelAt(UserProfile profile, String key) {
        JsonNode direct = profile.labels().get(key);
        if (direct != null) {
            return direct;
        }
        JsonNode node = profile.labels();
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static void leaves(JsonNode node, List<String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isValueNode()) {
            into.add(node.asText());
        } else {
            node.forEach(child -> leaves(child, into));
        }
    }

    /** Lower-cased words, and the parts of dotted ones ({@code jane.doe} is also {@code jane} and {@code doe}). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String word : WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty()) {
                continue;
            }
            words.add(word);
            for (String part : INNER_SEPARATORS.split(word)) {
                if (!part.isEmpty() && !part.equals(word)) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    /** Elasticsearch's {@code AUTO}: no edit up to 2 characters, one up to 5, two beyond. */
    static int fuzziness(String word) {
        return word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
