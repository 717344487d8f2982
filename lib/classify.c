/* classify.c — the report's rules (SPEC §4.1–4.6), with the rule switches of
 * the scheme (§4.7). */
#include "codes.h"
#include "record.h"
#include "scheme.h"

#include <string.h>

#define T(x) BIT(HJTJ_TYPE_##x)

int hjtj__antall_malgrupper_class(uint32_t mg)
{
    int n;
    if (mg & BIT(HJTJ_MG_INGEN))
        return HJTJ_ANTALL_3_ELLER_FLERE;
    n = hjtj__popcount32(mg);
    if (n <= 1)
        return HJTJ_ANTALL_1;
    return n == 2 ? HJTJ_ANTALL_2 : HJTJ_ANTALL_3_ELLER_FLERE;
}

/* HT composition of an HT type set (not empty). */
static int ht_composition(uint32_t ht)
{
    int n = hjtj__popcount32(ht);
    if (ht & T(ENETILTAK))
        return HJTJ_HT_ENETILTAK;
    if (n == 1) {
        if (ht == T(BOLIGBASE))
            return HJTJ_HT_KUN_BOLIGBASE;
        if (ht == T(AMB_HELSE))
            return HJTJ_HT_KUN_AMB_HELSE;
        if (ht == T(AMB_PRAKTISK))
            return HJTJ_HT_KUN_AMB_PRAKTISK;
        if (ht == T(BPA))
            return HJTJ_HT_KUN_BPA;
        return HJTJ_HT_KUN_ANNEN_HJEMMETJENESTE;
    }
    if (ht == (T(AMB_HELSE) | T(AMB_PRAKTISK)))
        return HJTJ_HT_KUN_AMB_BEGGE;
    return n == 2 ? HJTJ_HT_TO_TYPER : HJTJ_HT_TRE_ELLER_FLERE;
}

static int at_composition(uint32_t at)
{
    if (hjtj__popcount32(at) >= 2)
        return HJTJ_AT_TO_ELLER_FLERE;
    if (at == T(BARNEBOLIG_AVLASTNING))
        return HJTJ_AT_KUN_BARNEBOLIG_AVLASTNING;
    if (at == T(SYKEHJEM))
        return HJTJ_AT_KUN_SYKEHJEM;
    if (at == T(DAGAKTIVITET))
        return HJTJ_AT_KUN_DAGAKTIVITET;
    return HJTJ_AT_KUN_ANNEN_VIRKSOMHET;
}

static int adm_composition(uint32_t adm)
{
    if (hjtj__popcount32(adm) >= 2)
        return HJTJ_ADM_TO_ELLER_FLERE;
    if (adm == T(RESSURSENHET))
        return HJTJ_ADM_KUN_RESSURSENHET;
    if (adm == T(ADMINISTRASJON))
        return HJTJ_ADM_KUN_ADMINISTRASJON;
    return HJTJ_ADM_KUN_BESTILLERKONTOR;
}

/* 4.1 the editing rules: the record's types and målgrupper as edited
 * (rec->types, rec->mg), each edit noted in rec->edits. */
static void edit_record(hjtj_record *rec)
{
    uint32_t types = rec->types_given, mg = rec->mg_given;
    /* 4.1.1 boligbase with exactly one boenhet is an enetiltak */
    if ((types & T(BOLIGBASE)) && rec->boenheter == 1) {
        types = (types & ~T(BOLIGBASE)) | T(ENETILTAK);
        rec->edits |= BIT(HJTJ_EDIT_EN_BOENHET_ENETILTAK);
    }
    /* 4.1.2 no målgruppe -> ingen */
    if (mg == 0) {
        mg = BIT(HJTJ_MG_INGEN);
        rec->edits |= BIT(HJTJ_EDIT_INGEN_MALGRUPPE);
    }
    /* 4.1.4 an enetiltak is only that */
    if ((types & T(ENETILTAK)) && types != T(ENETILTAK)) {
        types = T(ENETILTAK);
        rec->edits |= BIT(HJTJ_EDIT_ENETILTAK_ALENE);
    }
    /* 4.1.5 boenheter without boligbase, and boligbase without boenheter */
    if (types & T(BOLIGBASE)) {
        if (rec->boenheter < 0)
            rec->edits |= BIT(HJTJ_EDIT_BOLIGBASE_UTEN_BOENHETER);
    } else if (rec->boenheter >= 0 && !(rec->edits & BIT(HJTJ_EDIT_EN_BOENHET_ENETILTAK))) {
        rec->edits |= BIT(HJTJ_EDIT_BOENHETER_UTEN_BOLIGBASE);
    }
    rec->types = (uint16_t)types;
    rec->mg = (uint8_t)mg;
}

/* 4.2 hovedvirksomhetstype of the edited types. */
static int hovedvirksomhetstype(uint32_t types, const hjtj_scheme *scheme)
{
    uint32_t ht = types & TYPES_HT, at = types & TYPES_AT, adm = types & TYPES_ADM;
    if (scheme->enetiltak == HJTJ_ENETILTAK_UTEN && types == T(ENETILTAK))
        return HJTJ_HOVED_UTENFOR; /* 4.7: enetiltak="uten" (2020) */
    if (adm && !(types & TYPES_AT_PRIME) &&
        (scheme->administrasjon == HJTJ_ADMINISTRASJON_2020 || !(types & TYPES_HT_STAR)))
        return HJTJ_HOVED_ADMINISTRASJON; /* 4.7: administrasjon="2020" drops the HT test */
    if (ht && at)
        return HJTJ_HOVED_KOMBINERT_ANNEN;
    if (ht)
        return HJTJ_HOVED_RENE_BRUKERRETTEDE;
    return HJTJ_HOVED_UTENFOR;
}

/* 4.3 kategori of a hovedvirksomhetstype and HT composition (-1: none). */
static int kategori(int hoved, int ht_cls)
{
    if (hoved == HJTJ_HOVED_RENE_BRUKERRETTEDE)
        return ht_cls == HJTJ_HT_TO_TYPER || ht_cls == HJTJ_HT_TRE_ELLER_FLERE
                   ? HJTJ_KAT_TO_ELLER_FLERE_HT
                   : ht_cls; /* the first seven values coincide */
    if (hoved == HJTJ_HOVED_KOMBINERT_ANNEN)
        return HJTJ_KAT_KOMBINERT_ANNEN;
    if (hoved == HJTJ_HOVED_ADMINISTRASJON)
        return HJTJ_KAT_ADMINISTRASJON;
    return -1;
}

/* 4.4 samlemålgruppe of the edited målgrupper. */
static int samlemalgruppe(uint32_t mg, const hjtj_scheme *scheme)
{
    uint32_t main = mg & MG_MAIN;
    if ((mg & BIT(HJTJ_MG_INGEN)) || main == 0)
        return HJTJ_SAMLE_UTENFOR;
    return scheme->samle[main];
}

/* Personellutveksling: whether the enterprise receives and provides staff. */
static int personellutveksling(const hjtj_record *rec)
{
    if (rec->mottar && rec->leverer)
        return HJTJ_PU_MOTTAR_OG_LEVERER;
    if (rec->leverer)
        return HJTJ_PU_KUN_LEVERER;
    if (rec->mottar)
        return HJTJ_PU_KUN_MOTTAR;
    return HJTJ_PU_INGEN;
}

void hjtj__classify_record(hjtj_record *rec, const hjtj_scheme *scheme, int size_class)
{
    uint32_t types, mg;
    int hoved, ht_cls = -1, botilbud = 0;

    /* every class -1: a nibble of 0 (the value + 1), and no size band */
    memset(rec->cls4, 0, sizeof rec->cls4);
    rec->storrelse = -1;
    rec->edits = 0;
    rec->types = rec->types_given;
    rec->mg = rec->mg_given;
    rec->population = 0;
    if (rec->status != HJTJ_STATUS_AKTIV)
        return;
    edit_record(rec);
    types = rec->types;
    mg = rec->mg;
    hoved = hovedvirksomhetstype(types, scheme);
    /* 4.3 HT composition */
    if (hoved == HJTJ_HOVED_RENE_BRUKERRETTEDE || hoved == HJTJ_HOVED_KOMBINERT_ANNEN)
        ht_cls = ht_composition(types & TYPES_HT);
    /* 4.6 botilbud */
    if ((types & T(BOLIGBASE)) && rec->boenheter >= 2 && hoved != HJTJ_HOVED_UTENFOR)
        botilbud = 1;

    rec_set_cls(rec, HJTJ_FIELD_HOVEDVIRKSOMHETSTYPE, hoved);
    rec_set_cls(rec, HJTJ_FIELD_HT_SAMMENSETNING, ht_cls);
    rec_set_cls(rec, HJTJ_FIELD_KATEGORI, kategori(hoved, ht_cls));
    rec_set_cls(rec, HJTJ_FIELD_SAMLEMALGRUPPE, samlemalgruppe(mg, scheme));
    rec_set_cls(rec, HJTJ_FIELD_ANTALL_MALGRUPPER, hjtj__antall_malgrupper_class(mg));
    rec_set_cls(rec, HJTJ_FIELD_KOMMUNESTORRELSE, size_class);
    rec_set_cls(rec, HJTJ_FIELD_BOTILBUD, botilbud);
    if (hoved == HJTJ_HOVED_KOMBINERT_ANNEN)
        rec_set_cls(rec, HJTJ_FIELD_AT_SAMMENSETNING, at_composition(types & TYPES_AT));
    if (hoved == HJTJ_HOVED_ADMINISTRASJON)
        rec_set_cls(rec, HJTJ_FIELD_ADM_SAMMENSETNING, adm_composition(types & TYPES_ADM));
    if (hoved != HJTJ_HOVED_UTENFOR) {
        rec_set_cls(rec, HJTJ_FIELD_PERSONELLUTVEKSLING, personellutveksling(rec));
        rec->population = 1;
    }
    if (botilbud)
        rec_set_cls(rec, HJTJ_FIELD_STORRELSE, hjtj_scheme_band_of(scheme, rec->boenheter));
}
