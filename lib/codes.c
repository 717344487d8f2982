/* codes.c — the code lists of SPEC §2 and §6 with their labels. */
#include "codes.h"
#include "text.h"
#include "kommuner.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int ascii_casecmp_n(const char *a, const char *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return 1;
    return 0;
}

/* A code and its length (known when compiled: matching compares lengths
 * first, see hjtj__code_parse_n). */
#define C(code) code, sizeof code - 1
typedef struct code_entry {
    const char *code;
    size_t len;
    const char *nb;
    const char *en;
} code_entry;

static const code_entry virksomhetstyper[] = {
    {C("boligbase"), "Boligbase", "Housing base"},
    {C("amb-helse"), "Ambulerende helsetjenester", "Ambulatory health services"},
    {C("amb-praktisk"), "Ambulerende praktisk bistand", "Ambulatory practical assistance"},
    {C("bpa"), "BPA", "User-directed personal assistance (BPA)"},
    {C("annen-hjemmetjeneste"), "Annen hjemmetjeneste", "Other home service"},
    {C("enetiltak"), "Enetiltak", "Single-user arrangement"},
    {C("barnebolig-avlastning"), "Barnebolig/avlastningsbolig", "Children's home/respite home"},
    {C("sykehjem"), "Sykehjem", "Nursing home"},
    {C("dagaktivitet"), "Dagaktivitetstilbud", "Day activity service"},
    {C("annen-virksomhet"), "Annen virksomhetstype", "Other enterprise type"},
    {C("ressursenhet"), "Ressursenhet", "Resource unit"},
    {C("bestillerkontor"), "Bestillerkontor", "Purchaser office"},
    {C("administrasjon"), "Administrasjon", "Administration"},
};

static const code_entry malgrupper[] = {
    {C("demens"), "Demens", "Dementia"},
    {C("bevegelse-0-66"), "Bevegelseshemning 0–66", "Reduced mobility 0–66"},
    {C("bevegelse-67"), "Bevegelseshemning 67+", "Reduced mobility 67+"},
    {C("utviklingshemning"), "Utviklingshemning mv.", "Intellectual disability etc."},
    {C("psykiske-lidelser"), "Psykiske lidelser", "Mental disorders"},
    {C("rusproblemer"), "Rusproblemer", "Substance abuse"},
    {C("ingen"), "Ingen målgruppe", "No target group"},
    {C("annen"), "Annen målgruppe", "Other target group"},
};

static const code_entry eierskap[] = {
    {C("kommunal"), "Kommunal", "Municipal"},
    {C("privat"), "Privat", "Private"},
};

static const code_entry statuser[] = {
    {C("aktiv"), "Aktiv", "Active"},
    {C("opphort"), "Opphørt", "Ceased"},
    {C("midlertidig-opphort"), "Midlertidig opphørt", "Temporarily ceased"},
    {C("ikke-hjemmetjeneste"), "Ikke hjemmetjeneste", "Not home care"},
    {C("ikke-innrapportert"), "Ikke innrapportert", "Not reported"},
};

static const code_entry mottar_fra[] = {
    {C("sykehjem"), "Sykehjem", "Nursing home"},
    {C("boligbase"), "Boligbase", "Housing base"},
    {C("ambulerende"), "Ambulerende hjemmetjeneste", "Ambulatory home service"},
    {C("annen"), "Annen", "Other"},
};

static const code_entry leverer_til[] = {
    {C("sykehjem"), "Sykehjem", "Nursing home"},
    {C("dagsenter"), "Dagsenter", "Day centre"},
    {C("barnebolig-avlastning"), "Barnebolig/avlastningsbolig", "Children's home/respite home"},
    {C("annen"), "Annen", "Other"},
};

static const code_entry hovedtyper[] = {
    {C("rene-brukerrettede"), "Rene brukerrettede hjemmetjenester", "Pure user-directed home services"},
    {C("kombinert-annen"), "Hjemmetjeneste kombinert med annen tjenestetype",
     "Home services combined with another service type"},
    {C("administrasjon"), "Administrasjon med videre", "Administration etc."},
    {C("utenfor"), "Ikke hjemmetjeneste", "Not home care"},
};

static const code_entry ht_sammensetning[] = {
    {C("kun-boligbase"), "Kun boligbase", "Housing base only"},
    {C("kun-amb-helse"), "Kun ambulerende virksomhet - helsetjenester",
     "Ambulatory only - health services"},
    {C("kun-amb-praktisk"), "Kun ambulerende virksomhet - praktisk bistand",
     "Ambulatory only - practical assistance"},
    {C("kun-amb-begge"), "Kun ambulerende virksomhet - både helsetjenester og praktisk bistand",
     "Ambulatory only - both health services and practical assistance"},
    {C("kun-bpa"), "Brukerstyrt personlig assistanse", "User-directed personal assistance"},
    {C("enetiltak"), "Enetiltak", "Single-user arrangement"},
    {C("kun-annen-hjemmetjeneste"), "Kun annen hjemmetjeneste", "Other home service only"},
    {C("to-typer"), "To virksomhetstyper innen hjemmetjenesten", "Two home-service types"},
    {C("tre-eller-flere"), "Tre eller flere virksomhetstyper innen hjemmetjenesten",
     "Three or more home-service types"},
};

static const code_entry kategorier[] = {
    {C("kun-boligbase"), "Kun boligbase", "Housing base only"},
    {C("kun-amb-helse"), "Kun ambulerende virksomhet - helsetjenester",
     "Ambulatory only - health services"},
    {C("kun-amb-praktisk"), "Kun ambulerende virksomhet - praktisk bistand",
     "Ambulatory only - practical assistance"},
    {C("kun-amb-begge"), "Kun ambulerende virksomhet - både helsetjenester og praktisk bistand",
     "Ambulatory only - both health services and practical assistance"},
    {C("kun-bpa"), "Brukerstyrt personlig assistanse", "User-directed personal assistance"},
    {C("enetiltak"), "Enetiltak", "Single-user arrangement"},
    {C("kun-annen-hjemmetjeneste"), "Kun annen hjemmetjeneste", "Other home service only"},
    {C("to-eller-flere-ht"), "To eller flere virksomhetstyper innen hjemmetjenesten",
     "Two or more home-service types"},
    {C("kombinert-annen"), "Hjemmetjeneste kombinert med annen tjenestetype",
     "Home services combined with another service type"},
    {C("administrasjon"), "Administrasjon med videre", "Administration etc."},
};

static const code_entry samle[] = {
    {C("utviklingshemning"), "Utviklingshemning mv.", "Intellectual disability etc."},
    {C("eldre-demens"), "Eldre og/eller demens", "Elderly and/or dementia"},
    {C("psykisk-rus"), "Psykisk og/eller rus", "Mental health and/or substance abuse"},
    {C("bevegelseshemning"), "Bevegelseshemning", "Reduced mobility"},
    {C("utenfor"), "Utenfor samlemålgruppene", "Outside the target-group clusters"},
};

static const code_entry antall[] = {
    {C("1"), "En målgruppe", "One target group"},
    {C("2"), "To målgrupper", "Two target groups"},
    {C("3+"), "Tre eller flere målgrupper", "Three or more target groups"},
};

static const code_entry storrelser[] = {
    {C("asss"), "ASSS-kommuner", "ASSS municipalities"},
    {C("20000+"), "Flere enn 20 000 innbyggere", "20 000 inhabitants or more"},
    {C("10000-19999"), "10 000 - 19 999 innbyggere", "10 000 - 19 999 inhabitants"},
    {C("5000-9999"), "5 000 - 9 999 innbyggere", "5 000 - 9 999 inhabitants"},
    {C("under-5000"), "Færre enn 5 000 innbyggere", "Fewer than 5 000 inhabitants"},
};

static const code_entry botilbud[] = {
    {C("0"), "Uten botilbud", "Without housing"},
    {C("1"), "Med botilbud", "With housing"},
};

static const code_entry at_sammensetning[] = {
    {C("kun-barnebolig-avlastning"), "Hjemmetjeneste + Kun barnebolig",
     "Home services + children's home only"},
    {C("kun-sykehjem"), "Hjemmetjeneste + Kun sykehjem", "Home services + nursing home only"},
    {C("kun-dagaktivitet"), "Hjemmetjeneste + Kun dagaktivitetstilbud",
     "Home services + day activity only"},
    {C("kun-annen-virksomhet"), "Hjemmetjeneste + Kun annen", "Home services + other only"},
    {C("to-eller-flere-at"), "Hjemmetjeneste + To eller flere andre virksomhetstyper",
     "Home services + two or more other types"},
};

static const code_entry adm_sammensetning[] = {
    {C("kun-ressursenhet"), "Kun ressursenhet", "Resource unit only"},
    {C("kun-administrasjon"), "Kun administrasjon", "Administration only"},
    {C("kun-bestillerkontor"), "Kun bestillerkontor", "Purchaser office only"},
    {C("to-eller-flere-adm"), "To eller flere virksomhetstyper innen administrasjon mv.",
     "Two or more administration types"},
};

static const code_entry personellutveksling[] = {
    {C("mottar-og-leverer"), "Både mottar og leverer personellbistand",
     "Both receives and provides personnel"},
    {C("kun-leverer"), "Kun leverer personellbistand", "Provides personnel only"},
    {C("kun-mottar"), "Kun mottar personellbistand", "Receives personnel only"},
    {C("ingen"), "Uten utveksling av personell", "No personnel exchange"},
};

static const code_entry storrelse_bands[] = {
    {C("2-5"), "2–5 boenheter", "2–5 housing units"},
    {C("6-10"), "6–10 boenheter", "6–10 housing units"},
    {C("11-15"), "11–15 boenheter", "11–15 housing units"},
    {C("16-20"), "16–20 boenheter", "16–20 housing units"},
    {C("21-25"), "21–25 boenheter", "21–25 housing units"},
    {C("26-30"), "26–30 boenheter", "26–30 housing units"},
    {C("31-35"), "31–35 boenheter", "31–35 housing units"},
    {C("36-40"), "36–40 boenheter", "36–40 housing units"},
    {C("41-45"), "41–45 boenheter", "41–45 housing units"},
    {C("46-50"), "46–50 boenheter", "46–50 housing units"},
    {C("51+"), "51 eller flere boenheter", "51 or more housing units"},
};

static const code_entry edits[] = {
    {C("en-boenhet-enetiltak"), "Boligbase med én boenhet gjort til enetiltak",
     "Housing base with one housing unit made a single-user arrangement"},
    {C("ingen-malgruppe"), "Ingen målgruppe oppgitt: satt til «Ingen målgruppe»",
     "No target group given: set to 'no target group'"},
    {C("enetiltak-alene"), "Enetiltak: andre virksomhetstyper satt til side",
     "Single-user arrangement: other enterprise types set aside"},
    {C("boligbase-uten-boenheter"), "Boligbase uten boenheter: 0 boenheter",
     "Housing base without housing units: 0 units"},
    {C("boenheter-uten-boligbase"), "Boenheter uten boligbase: telles ikke",
     "Housing units without housing base: not counted"},
};

static const code_entry andre_kommuner[] = {
    {C("0"), "Nei", "No"},
    {C("1"), "Ja", "Yes"},
};

/* The 15 counties of 2024 (data/fylker-2024.csv; a test checks they agree). */
static const code_entry fylker[] = {
    {C("03"), "Oslo", "Oslo"},
    {C("11"), "Rogaland", "Rogaland"},
    {C("15"), "Møre og Romsdal", "Møre og Romsdal"},
    {C("18"), "Nordland", "Nordland"},
    {C("31"), "Østfold", "Østfold"},
    {C("32"), "Akershus", "Akershus"},
    {C("33"), "Buskerud", "Buskerud"},
    {C("34"), "Innlandet", "Innlandet"},
    {C("39"), "Vestfold", "Vestfold"},
    {C("40"), "Telemark", "Telemark"},
    {C("42"), "Agder", "Agder"},
    {C("46"), "Vestland", "Vestland"},
    {C("50"), "Trøndelag", "Trøndelag"},
    {C("55"), "Troms", "Troms"},
    {C("56"), "Finnmark", "Finnmark"},
};

static const code_entry landet[] = {
    {C("hele-landet"), "Hele landet", "Norway"},
};

typedef struct field_def {
    const char *name;
    const code_entry *entries;
    int32_t n;
} field_def;

#define FIELD(name, arr) {name, arr, (int32_t)(sizeof arr / sizeof arr[0])}

static const field_def fields[] = {
    FIELD("virksomhetstype", virksomhetstyper),
    FIELD("malgruppe", malgrupper),
    FIELD("eierskap", eierskap),
    FIELD("status", statuser),
    FIELD("mottar_fra", mottar_fra),
    FIELD("leverer_til", leverer_til),
    FIELD("hovedvirksomhetstype", hovedtyper),
    FIELD("ht_sammensetning", ht_sammensetning),
    FIELD("kategori", kategorier),
    FIELD("samlemalgruppe", samle),
    FIELD("antall_malgrupper", antall),
    FIELD("kommunestorrelse", storrelser),
    FIELD("botilbud", botilbud),
    FIELD("at_sammensetning", at_sammensetning),
    FIELD("adm_sammensetning", adm_sammensetning),
    FIELD("personellutveksling", personellutveksling),
    FIELD("storrelse", storrelse_bands),
    FIELD("edit", edits),
    FIELD("andre_kommuner", andre_kommuner),
    {"naeringskode", NULL, 0}, /* open lists */
    {"kommune", NULL, 0},
    FIELD("fylke", fylker),
    FIELD("landet", landet),
};

#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

static const field_def *field_get(hjtj_field f)
{
    if ((int)f < 0 || (int)f >= NFIELDS)
        return NULL;
    return &fields[f];
}

HJTJ_API int32_t hjtj_field_size(hjtj_field field)
{
    const field_def *d = field_get(field);
    return d ? d->n : 0;
}

HJTJ_API const char *hjtj_field_name(hjtj_field field)
{
    const field_def *d = field_get(field);
    return d ? d->name : NULL;
}

HJTJ_API const char *hjtj_code(hjtj_field field, int32_t value)
{
    const field_def *d = field_get(field);
    if (d == NULL || value < 0 || value >= d->n)
        return NULL;
    return d->entries[value].code;
}

HJTJ_API const char *hjtj_label(hjtj_field field, int32_t value, hjtj_lang lang)
{
    const field_def *d = field_get(field);
    if (d == NULL || value < 0 || value >= d->n)
        return NULL;
    return lang == HJTJ_LANG_EN ? d->entries[value].en : d->entries[value].nb;
}

/* a[0, n) == b[0, n), for the short strings codes are: a few loads of 8
 * (or 4) bytes that stay inside both, the last one overlapping, instead of
 * a call to memcmp. */
static int same_bytes(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    uint32_t u, v;
    size_t i;
    if (n >= 8) {
        for (i = 0; i + 8 < n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return 0;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        memcpy(&u, a, 4);
        memcpy(&v, b, 4);
        if (u != v)
            return 0;
        memcpy(&u, a + n - 4, 4);
        memcpy(&v, b + n - 4, 4);
        return u == v;
    }
    for (i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* The codes of each field by a hash of their length and first, middle and
 * last bytes (no two codes of the fields a register is read from share
 * one): a slot holds the index + 1 of the one code that hashes there, 0
 * for none, SLOT_MANY when several do (then they are all looked at).
 * Filled once (pthread_once), read-only after: a code as written is found
 * with one look and one comparison. */
#define NSLOTS 128
#define SLOT_MANY 255
static uint8_t code_slots[NFIELDS][NSLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static unsigned slot_of(const char *s, size_t n)
{
    return (unsigned)(n * 31 + (unsigned char)s[0] * 7 + (unsigned char)s[n - 1] * 3 +
                      (unsigned char)s[n / 2]) %
           NSLOTS;
}

static void fill_slots(void)
{
    int f;
    int32_t i;
    for (f = 0; f < NFIELDS; f++)
        for (i = 0; i < fields[f].n; i++) {
            const code_entry *e = &fields[f].entries[i];
            uint8_t *slot = &code_slots[f][slot_of(e->code, e->len)];
            *slot = *slot == 0 && i < SLOT_MANY - 1 ? (uint8_t)(i + 1) : SLOT_MANY;
        }
}

int32_t hjtj__code_parse_n(hjtj_field field, const char *s, size_t n)
{
    const field_def *d = field_get(field);
    int32_t i;
    unsigned k;
    if (d == NULL || s == NULL || n == 0)
        return -1;
    /* as written (nearly always): by the slot; then with ASCII case
     * folded */
    (void)pthread_once(&slots_once, fill_slots);
    k = code_slots[field][slot_of(s, n)];
    if (k != 0 && k != SLOT_MANY && d->entries[k - 1].len == n &&
        same_bytes(d->entries[k - 1].code, s, n))
        return (int32_t)k - 1;
    for (i = 0; k == SLOT_MANY && i < d->n; i++)
        if (d->entries[i].len == n && d->entries[i].code[0] == s[0] &&
            same_bytes(d->entries[i].code, s, n))
            return i;
    for (i = 0; i < d->n; i++)
        if (d->entries[i].len == n && ascii_casecmp_n(d->entries[i].code, s, n) == 0)
            return i;
    return -1;
}

/* Edit distance (Levenshtein, ASCII case folded) between a and b[0..n),
 * counted up to a cap: anything at least cap is cap. */
size_t hjtj__edit_distance(const char *a, const char *b, size_t n, size_t cap)
{
    size_t la = strlen(a), row[64], i, j;
    if (la >= sizeof row / sizeof row[0] || n >= sizeof row / sizeof row[0])
        return cap;
    for (j = 0; j <= n; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0], best;
        row[0] = i;
        best = row[0];
        for (j = 1; j <= n; j++) {
            size_t up = row[j], v = diag + (ascii_lower(a[i - 1]) != ascii_lower(b[j - 1]));
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            diag = up;
            row[j] = v;
            if (v < best)
                best = v;
        }
        if (best >= cap)
            return cap;
    }
    return row[n] < cap ? row[n] : cap;
}

const char *hjtj__nearest(const char *const *names, size_t count, const char *s, size_t n)
{
    /* close enough to be a slip: at most a third of the word, at least 1 */
    size_t i, best = (size_t)-1, cap = n / 3 + 1;
    const char *hit = NULL;
    for (i = 0; i < count; i++) {
        size_t d = hjtj__edit_distance(names[i], s, n, cap + 1);
        /* a prefix of a code ("bolig" for "boligbase") is a slip too */
        if (d > cap && n >= 3 && strlen(names[i]) > n && ascii_casecmp_n(names[i], s, n) == 0)
            d = cap;
        if (d <= cap && d < best) {
            best = d;
            hit = names[i];
        }
    }
    return hit;
}

hjtj_status hjtj__code_hint(char *out, size_t cap, hjtj_field field, const char *s, size_t n)
{
    const field_def *d = field_get(field);
    const char *names[64], *near;
    size_t used = 0;
    int32_t i;
    if (d == NULL || cap == 0)
        return HJTJ_ERR_INVALID_ARG;
    for (i = 0; i < d->n && i < 64; i++)
        names[i] = d->entries[i].code;
    near = hjtj__nearest(names, (size_t)i, s, n);
    out[0] = '\0';
    if (near != NULL)
        used = (size_t)snprintf(out, cap, "did you mean '%s'? ", near);
    if (used < cap)
        used += (size_t)snprintf(out + used, cap - used, "The codes are");
    for (i = 0; i < d->n && used < cap; i++)
        used += (size_t)snprintf(out + used, cap - used, "%s %s", i ? "," : ":", names[i]);
    if (used < cap)
        snprintf(out + used, cap - used, ".");
    return HJTJ_OK;
}

int64_t hjtj__code_list_parse_memo(hjtj__code_memo *m, hjtj_field field, const char *s, size_t n,
                                   const char **bad, size_t *badlen)
{
    uint64_t h = (uint64_t)field * 0x9E3779B97F4A7C15ull ^ n, w;
    size_t i;
    int64_t v;
    if (m == NULL || n == 0 || n > HJTJ__MEMO_TEXT || (unsigned)field > 255)
        return hjtj__code_list_parse(field, s, n, bad, badlen);
    /* the toolkit's hash over the list's bytes, eight at a time, the last
     * under eight bytes gathered one by one (the length is in h) */
    for (i = 0; i < n; i += 8) {
        size_t j;
        if (n - i >= 8) {
            memcpy(&w, s + i, 8);
        } else {
            for (w = 0, j = i; j < n; j++)
                w |= (uint64_t)(unsigned char)s[j] << (8 * (j - i));
        }
        h = hjtj__hash_u64(h ^ w);
    }
    i = (size_t)(h >> 40) % HJTJ__MEMO_SLOTS;
    if (m->slot[i].n == n && m->slot[i].field == (uint8_t)field && same_bytes(m->slot[i].s, s, n))
        return m->slot[i].mask;
    v = hjtj__code_list_parse(field, s, n, bad, badlen);
    if (v >= 0) {
        m->slot[i].mask = (uint32_t)v;
        m->slot[i].field = (uint8_t)field;
        m->slot[i].n = (uint8_t)n;
        memcpy(m->slot[i].s, s, n);
    }
    return v;
}

HJTJ_API int32_t hjtj_code_parse(hjtj_field field, const char *code)
{
    if (code == NULL)
        return -1;
    return hjtj__code_parse_n(field, code, strlen(code));
}

int64_t hjtj__code_list_parse(hjtj_field field, const char *s, size_t n, const char **bad,
                        size_t *badlen)
{
    uint32_t mask = 0;
    size_t i = 0;
    while (i < n) {
        size_t start;
        int32_t v;
        while (i < n && hjtj__is_blank(s[i]))
            i++;
        if (i >= n)
            break;
        start = i;
        /* a byte above the space is no blank: one test for nearly all */
        while (i < n && ((unsigned char)s[i] > ' ' || !hjtj__is_blank(s[i])))
            i++;
        v = hjtj__code_parse_n(field, s + start, i - start);
        if (v < 0) {
            if (bad)
                *bad = s + start;
            if (badlen)
                *badlen = i - start;
            return -1;
        }
        mask |= BIT(v);
    }
    return mask;
}
