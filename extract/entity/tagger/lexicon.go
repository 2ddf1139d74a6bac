package tagger

import "strings"

// Word lists used as features (never as rules): the model learns how much
// to trust each. All entries are lower case; multi-word names are listed
// word by word where the words are distinctive.

// Lexicon classes, a bit set per word.
const (
	lexCountry = 1 << iota
	lexNationality
	lexGroup // religious, ethnic and political group words (NORP)
	lexTitle
	lexOrgCue
	lexPlaceCue
	lexTime
	lexGiven // common given names
	lexCity
	lexNameParticle
	lexSpeech
)

var lexNames = []string{"country", "nat", "group", "title", "orgcue", "placecue", "time", "given", "city", "particle", "speech"}

var lexicon = map[string]uint16{}

func addLex(class uint16, words string) {
	for _, w := range strings.Fields(words) {
		lexicon[w] |= class
	}
}

func init() {
	addLex(lexCountry, `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
	bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei
	bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
	czechia czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
	gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india
	indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait
	kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
	malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
	mozambique myanmar burma namibia nauru nepal netherlands holland zealand nicaragua niger nigeria norway oman
	pakistan palau palestine panama papua paraguay peru philippines poland portugal qatar romania russia rwanda
	samoa senegal serbia seychelles sierra singapore slovakia slovenia somalia sudan spain lanka suriname sweden
	switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkiye turkmenistan
	tuvalu uganda ukraine emirates uae britain england scotland wales uk u.k. us u.s. usa u.s.a. america uruguay
	uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe kashmir tibet xinjiang chechnya gaza
	crimea kurdistan europe asia africa`)
	addLex(lexNationality, `afghan afghans afghani pakistani pakistanis indian indians iranian iranians iraqi iraqis
	american americans british briton britons english french german germans russian russians chinese japanese
	korean koreans saudi saudis syrian syrians turkish turk turks israeli israelis palestinian palestinians
	egyptian egyptians yemeni yemenis lebanese jordanian libyan tunisian algerian moroccan sudanese somali somalis
	ethiopian kenyan nigerian ghanaian african africans european europeans asian asians arab arabs arabian
	bangladeshi bangladeshis nepali nepalese sri lankan tajik tajiks uzbek uzbeks turkmen kazakh kyrgyz chechen
	kurdish kurd kurds pashtun pashtuns pakhtun pathan pathans baloch baluch balochi baluchi sindhi punjabi
	punjabis hazara hazaras uighur uyghur uighurs uyghurs mohajir muhajir canadian australian mexican brazilian
	argentine argentinian colombian venezuelan cuban spanish italian greek dutch swiss swedish norwegian danish
	finnish polish ukrainian ukrainians belarusian georgian armenian azerbaijani azeri qatari emirati kuwaiti omani
	bahraini thai vietnamese indonesian malaysian filipino burmese rohingya cambodian mongolian taiwanese tibetan
	kashmiri kashmiris bengali sikh sikhs tamil tamils sinhalese western westerners`)
	addLex(lexGroup, `muslim muslims islamic islamist islamists christian christians christianity hindu hindus jew
	jews jewish buddhist buddhists sunni sunnis shia shias shiite shiites shi'ite ismaili ahmadi ahmadis ahmadiyya
	deobandi barelvi salafi salafist wahhabi sufi catholic catholics protestant protestants evangelical orthodox
	communist communists socialist socialists democrat democrats republican republicans maoist maoists marxist
	liberal liberals conservative conservatives jihadi jihadis jihadist jihadists mujahideen baathist zionist`)
	addLex(lexTitle, `president vice prime minister ministers secretary general gen gen. lt lt. col col. maj maj.
	capt capt. sgt sgt. brig brig. brigadier colonel major captain lieutenant sergeant commander chief marshal
	admiral adm adm. governor gov gov. senator sen sen. representative rep rep. mayor king queen prince princess
	sheikh shaikh sheik emir amir mullah mulla maulana maulvi mufti imam qari hafiz hazrat pir syed sayed ayatollah
	cleric dr dr. mr mr. mrs mrs. ms ms. miss sir lord lady judge justice chairman chairwoman chairperson director
	spokesman spokeswoman spokesperson ambassador envoy premier chancellor pope bishop cardinal rev rev. reverend
	prof prof. professor officer inspector constable superintendent dsp ssp igp dig sho commissioner deputy
	speaker leader founder ceo minister's pm mna mpa mp senator's chief's militant commander's`)
	addLex(lexOrgCue, `party army ministry front movement taliban tehrik tehreek lashkar jaish sipah jamaat jamiat
	jamaat-ud-dawa council agency police forces force committee commission organisation organization network
	brigade brigades battalion regiment corps division group league union association federation alliance
	bank company corporation corp corp. inc inc. ltd ltd. co. university college institute institution school
	academy hospital court parliament assembly senate congress cabinet government department bureau office
	authority board foundation fund trust society media news times post tribune herald express agency's
	state khorasan isis isil daesh qaeda al-qaeda hezbollah hamas ttp isk iskp let jem tlp ppp pti pml-n pml
	ansar harkat hizb hizbul mujahideen fidayeen sena dal congress's nato un unicef who imf bjp isi fia cia fbi
	navy airforce air guard guards rangers frontier constabulary scouts secretariat embassy consulate
	directorate centre center`)
	addLex(lexPlaceCue, `province provinces district districts agency valley city town village region state county
	airport line pass river mountain mountains hills lake sea ocean gulf bay island islands coast desert border
	tehsil division street road highway square camp base bazaar market mosque port peninsula strait plateau
	kingdom republic territory territories capital north south east west northern southern eastern western
	central upper lower greater`)
	addLex(lexTime, `monday tuesday wednesday thursday friday saturday sunday january february march april may june
	july august september october november december jan jan. feb feb. mar. apr apr. jun. jul. aug aug. sep sep.
	sept sept. oct oct. nov nov. dec dec. today yesterday tomorrow morning evening night week month year`)
	addLex(lexGiven, `muhammad mohammad mohammed muhammed mohamed ahmed ahmad ali hassan hasan hussain hussein husain
	abdul abdullah abdur abu omar umar usman osman imran nawaz shahbaz shehbaz asif zardari bilawal benazir maryam
	fatima aisha ayesha khadija zainab amina sana hina nadia sadia sobia rabia qamar javed bajwa asim munir raheel
	pervez parvez musharraf yousuf yusuf raza shah syed zabihullah sirajuddin haqqani hibatullah akhundzada
	akhund mullah baradar abdul ghani ashraf hamid karzai amrullah saleh rahmatullah ahmadullah zalmay khalilzad
	aziz tariq tahir khalid khaled faisal fazal fazlullah fazlur maulana noor nur wali mehsud hakimullah baitullah
	mufti mangal bagh munawar khurshid rashid saeed hafiz masood azhar zakiur lakhvi ayman zawahiri osama laden
	baghdadi shahab muhajir sanaullah ghafari bilal hamza idris ibrahim ismail ishaq jamal kamal karim rahim
	rahman salman sultan tahir waseem wasim yasir zafar zahid zubair altaf farooq farhan irfan kashif nadeem naveed
	rizwan sajid shahid shoaib waqar amjad arshad asad babar danish ejaz fahad haris junaid mansoor moin naeem
	narendra modi rahul sonia amit manmohan arvind mamata sheikh hasina khaleda begum john james robert michael
	william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew
	joshua kenneth kevin brian george edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan
	stephen larry justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
	tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger
	noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie
	gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny mary
	patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
	kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
	kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
	catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren
	joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
	jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie
	diana brittany natalie isabella charlotte rose alexis kayla vladimir sergei sergey dmitry xi jinping li wang
	zhang liu chen yang huang zhao wu zhou kim park lee moon yoon recep tayyip erdogan emmanuel angela olaf
	boris rishi keir joe biden barack obama hillary clinton antony blinken lloyd austin jens stoltenberg antonio
	guterres ban ki-moon kofi annan recep bashar assad hosni mubarak abdel fattah sisi mahmoud abbas benjamin
	netanyahu ali khamenei hassan rouhani ebrahim raisi`)
	addLex(lexCity, `kabul kandahar herat mazar-i-sharif jalalabad kunduz ghazni helmand lashkar-gah khost paktika
	paktia nangarhar kunar nuristan badakhshan panjshir bamiyan logar wardak zabul uruzgan farah nimroz baghlan
	takhar balkh faryab jawzjan islamabad rawalpindi lahore karachi peshawar quetta multan faisalabad hyderabad
	sialkot gujranwala abbottabad mardan swat bajaur mohmand khyber kurram orakzai waziristan miranshah wana
	parachinar hangu kohat bannu dera tank lakki chitral dir malakand gilgit baltistan muzaffarabad gwadar turbat
	panjgur mastung khuzdar zhob chaman torkham sindh punjab balochistan baluchistan khyber-pakhtunkhwa
	pakhtunkhwa fata azad jammu srinagar delhi new mumbai kolkata chennai bangalore bengaluru dhaka chittagong
	kathmandu colombo tehran mashhad zahedan baghdad mosul basra damascus aleppo raqqa idlib homs beirut amman
	riyadh jeddah mecca medina doha dubai abu dhabi muscat sanaa aden cairo tripoli tunis algiers rabat khartoum
	addis ababa nairobi mogadishu lagos abuja kampala johannesburg ankara istanbul moscow kyiv kiev beijing
	shanghai hong kong tokyo seoul pyongyang bangkok jakarta manila hanoi singapore london paris berlin rome
	madrid brussels geneva vienna washington york chicago los angeles boston ottawa toronto sydney canberra
	dushanbe tashkent ashgabat bishkek almaty astana urumqi`)
	addLex(lexNameParticle, `al al- el bin ibn bint abu abd ul ud ur e i de da di del der van von la le du bin-`)
	addLex(lexSpeech, `said says told added stated claimed announced warned quoted according urged asked accused
	denied confirmed reported spoke`)
}

func lexClass(lower string) uint16 { return lexicon[lower] }

// IsCountry reports whether a word is in the embedded list of country
// names (lower case, word by word).
func IsCountry(w string) bool { return lexicon[strings.ToLower(w)]&lexCountry != 0 }

// IsNationality reports whether a word is in the embedded list of
// nationality and ethnic adjectives.
func IsNationality(w string) bool { return lexicon[strings.ToLower(w)]&lexNationality != 0 }

// IsCity reports whether a word is in the embedded list of city and
// province names.
func IsCity(w string) bool { return lexicon[strings.ToLower(w)]&lexCity != 0 }

// IsOrgCue reports whether a word is in the embedded list of words that
// end or mark organisation names ("Party", "Ministry", "Taliban").
func IsOrgCue(w string) bool { return lexicon[strings.ToLower(w)]&lexOrgCue != 0 }
