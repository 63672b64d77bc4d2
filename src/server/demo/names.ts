import type { Rng } from './random.js';

/**
 * Name pools per country of origin. An entry is `Spelling|Other spelling|…/original script`:
 * the first spelling is the most common transliteration, the others are how the same name also
 * arrives in German documents (which is what the duplicate search must cope with). Pools are in
 * rough order of popularity.
 */
interface RawPool {
  male: string;
  female: string;
  last: string;
  /** Eritrean and Somali names: a person's last name is the father's first name */
  patronymic?: boolean;
  /** feminine forms of last names (Polish -ski → -ska, Bulgarian -ov → -ova, Greek -os → -ou) */
  feminine?: [RegExp, string][];
  /** how family names beyond the listed ones are formed (see drawFamilyName) */
  family?: 'arabic' | 'dari' | 'persian' | 'turkish' | 'ukrainian';
}

const raw: Record<string, RawPool> = {
  SY: {
    family: 'arabic',
    male:
      'Mohammed|Muhammad|Mohamad|Mohamed/محمد; Ahmad|Ahmed/أحمد; Ali/علي; Omar|Umar/عمر; Khaled|Khalid/خالد; ' +
      'Hassan|Hasan/حسن; Mahmoud|Mahmud/محمود; Mustafa|Mostafa|Moustafa/مصطفى; Ibrahim|Ebrahim/إبراهيم; ' +
      'Yusuf|Youssef|Yousef/يوسف; Abdullah|Abdallah/عبدالله; Abdulrahman|Abdelrahman|Abd al-Rahman/عبدالرحمن; ' +
      'Hussein|Husain|Hussain/حسين; Fadi/فادي; Rami/رامي; Samer/سامر; Bilal/بلال; Karim|Kareem/كريم; ' +
      'Tarek|Tariq/طارق; Walid|Waleed/وليد; Ammar/عمار; Anas/أنس; Hamza/حمزة; Mazen/مازن; Saleh|Salih/صالح; ' +
      'Jamal/جمال; Majd/مجد; Yazan/يزن; Adnan/عدنان; Ayman/أيمن; Firas/فراس; Ghassan/غسان; Hadi/هادي; ' +
      'Issa/عيسى; Nabil/نبيل; Qasim|Kassem/قاسم; Wael/وائل; Zaid|Zeid/زيد; Osama|Usama/أسامة; ' +
      'Suleiman|Sulaiman/سليمان; Hisham/هشام; Abdulkarim|Abdelkarim/عبدالكريم; Mouaz|Moaz/معاذ; ' +
      'Shiar|Schiar; Rezan; Dilshad|Dilschad',
    female:
      'Fatima|Fatma|Fatimah/فاطمة; Aisha|Aischa|Ayesha/عائشة; Maryam|Mariam/مريم; Zainab|Zeinab|Zaynab/زينب; ' +
      'Nour|Noor/نور; Sara|Sarah/سارة; Rasha/رشا; Heba|Hiba/هبة; Layla|Leila|Laila/ليلى; Yasmin|Yasmine/ياسمين; ' +
      'Amina|Amena/آمنة; Khadija|Khadidja|Chadija/خديجة; Rana/رنا; Lama/لمى; Hala/هالة; Salma/سلمى; ' +
      'Duaa|Doaa/دعاء; Bushra|Buschra/بشرى; Reem|Rim/ريم; Ghada/غادة; Huda|Hoda/هدى; Iman|Eman/إيمان; ' +
      'Jana/جنى; Lina/لينا; Mona|Muna/منى; Nada/ندى; Raghad/رغد; Rawan/روان; Samira/سميرة; Souad|Suad/سعاد; ' +
      'Hanan/حنان; Asmaa|Asma/أسماء; Batoul|Batul/بتول; Israa|Esraa/إسراء; Maha/مها; Walaa/ولاء; ' +
      'Rojin|Roschin; Berivan|Beriwan; Hevin',
    last:
      'Al-Hassan|Alhasan|El Hassan/الحسن; Al-Ahmad|Alahmad/الأحمد; Haddad|Hadad/حداد; ' +
      'Al-Khatib|Alkhatib|El Khatib/الخطيب; Al-Ali|Alali/العلي; Al-Halabi/الحلبي; Al-Masri|Almasri/المصري; ' +
      'Al-Homsi|Alhomsi/الحمصي; Nasr/نصر; Ibrahim/إبراهيم; Othman|Osman/عثمان; Hamdan/حمدان; ' +
      'Darwish|Darwisch/درويش; Kassem|Qasim|Kasem/قاسم; Youssef|Yousef|Yusuf/يوسف; Suleiman|Sulaiman/سليمان; ' +
      'Al-Zoubi|Alzoubi|Al Zoubi/الزعبي; Al-Omar|Alomar/العمر; Al-Mousa|Almousa|Al Musa/الموسى; ' +
      'Al-Jasim|Aljasem|Al Jassem/الجاسم; Al-Hussein|Alhussein/الحسين; Abdullah|Abdallah/عبدالله; ' +
      'Mahmoud|Mahmud/محمود; Khalil|Chalil/خليل; Saleh/صالح; Mustafa/مصطفى; Al-Hamad|Alhamad/الحمد; ' +
      'Al-Saleh|Alsaleh/الصالح; Al-Shami|Alshami|Al Schami/الشامي; Issa/عيسى; Al-Abdullah|Alabdullah/العبدالله; ' +
      'Bakkour|Bakour/بكور; Al-Naser|Alnaser/الناصر; Al-Khalaf|Alkhalaf/الخلف; Rashid|Raschid/رشيد; ' +
      'Al-Hajj|Alhaj|El Hajj/الحاج; Hamo|Hammo/حمو; Sheikho|Scheicho/شيخو; Ibo/إيبو',
  },
  IQ: {
    family: 'arabic',
    male:
      'Mohammed|Muhammad|Mohamed/محمد; Ali/علي; Hussein|Husain|Hussain/حسين; Ahmed|Ahmad/أحمد; Hassan/حسن; ' +
      'Haider|Hayder|Haidar/حيدر; Mustafa|Mostafa/مصطفى; Abbas/عباس; Karrar/كرار; Mahdi|Mehdi/مهدي; ' +
      'Sajjad|Sadschad/سجاد; Murtadha|Murtada/مرتضى; Ammar/عمار; Omar/عمر; Ibrahim/إبراهيم; Khalil/خليل; ' +
      'Saad/سعد; Qusay|Kusai/قصي; Zaid/زيد; Salam/سلام; Yasir|Yaser/ياسر; Falah/فلاح; ' +
      'Khidr|Khedr|Chidr/خضر; Shivan|Schiwan; Azad|Asad; Baran; Dilovan|Dilowan; Hogir; Kawa; Rebwar; Saman',
    female:
      'Fatima|Fatma/فاطمة; Zainab|Zeinab/زينب; Maryam|Mariam/مريم; Noor|Nour/نور; Zahraa|Sahraa/زهراء; ' +
      'Sara/سارة; Huda|Hoda/هدى; Ruqaya|Roqaya/رقية; Hawraa/حوراء; Shaimaa|Shaima|Schaima/شيماء; ' +
      'Iman/إيمان; Asmaa/أسماء; Sura/سرى; Ban/بان; Rusul/رسل; ' +
      'Jiyan|Dschiyan; Nareen|Narin; Rozhin|Roschin; Berivan|Beriwan; Dilan; Shirin|Schirin; Avin|Awin; ' +
      'Hezha; Nadia|Nadiya; Layla|Leila',
    last:
      'Al-Jabouri|Aljabouri|Al Jaburi/الجبوري; Al-Obaidi|Alobaidi/العبيدي; Al-Tamimi|Altamimi/التميمي; ' +
      'Al-Dulaimi|Aldulaimi/الدليمي; Al-Saadi|Alsaadi/الساعدي; Al-Shammari|Alshammari/الشمري; ' +
      'Al-Zubaidi|Alzubaidi/الزبيدي; Hussein|Husain/حسين; Hassan/حسن; Ali/علي; Kareem|Karim/كريم; ' +
      'Khalaf|Chalaf/خلف; Abbas/عباس; Jasim|Jassim|Jasem/جاسم; Mahmood|Mahmoud/محمود; Al-Musawi|Almusawi/الموسوي; ' +
      'Khudeda|Khudida|Chudida; Murad|Morad; Qasim|Kasim; Haji|Hadschi; Saido|Seydo; Hasso|Haso; ' +
      'Rashid|Raschid; Bakir|Baker; Ibo; Hamo|Hammo; Elias|Ilyas',
  },
  AF: {
    family: 'dari',
    male:
      'Mohammad|Mohammed|Muhammad|Mohamad/محمد; Ahmad|Ahmed/احمد; Ali/علی; Mustafa|Mostafa/مصطفی; ' +
      'Hamid/حمید; Reza|Resa/رضا; Hussain|Hussein|Hossein/حسین; Jawad|Javad/جواد; Mahdi|Mehdi/مهدی; ' +
      'Sayed|Said|Sayyed/سید; Nasir|Naser|Nasser/ناصر; Habib/حبیب; Farid/فرید; Jamshid|Dschamschid/جمشید; ' +
      'Rahim/رحیم; Karim/کریم; Alireza|Ali Reza/علیرضا; Murtaza|Mortaza/مرتضی; Sohrab|Suhrab/سهراب; ' +
      'Zabihullah|Sabihullah|Zabiullah/ذبیح‌الله; Naqibullah|Nakibullah/نقیب‌الله; Rahmatullah|Rahmatulla/رحمت‌الله; ' +
      'Samiullah|Samiulla/سمیع‌الله; Wahid|Vahid/وحید; Omid|Umid/امید; Milad/میلاد; Sadiq|Sadegh|Sadik/صادق; ' +
      'Bashir|Baschir/بشیر; Shafiq|Schafik/شفیق; Yama/یاما; Ismail|Esmail/اسماعیل; Hashmatullah/حشمت‌الله; ' +
      'Abdul Wahab|Abdulwahab/عبدالوهاب; Khalid|Khaled/خالد; Najib|Nadschib/نجیب; Masood|Masud/مسعود',
    female:
      'Fatima|Fatemeh|Fatema/فاطمه; Zahra|Sahra/زهرا; Maryam|Mariam/مریم; Masooma|Masuma|Masoumeh/معصومه; ' +
      'Farzana|Farsana/فرزانه; Shakila|Schakila/شکیلا; Nargis|Narges/نرگس; Parwana|Parvaneh|Parwane/پروانه; ' +
      'Sima/سیما; Roya/رویا; Habiba/حبیبه; Nadia|Nadiya/نادیه; Laila|Leila|Layla/لیلا; Sakina|Sakineh/سکینه; ' +
      'Khadija|Khadidja/خدیجه; Gulalai|Gulalay/گلالی; Marzia|Marziyeh/مرضیه; Mahbooba|Mahbuba/محبوبه; ' +
      'Freshta|Fereshteh|Frishta/فرشته; Hasina/حسینه; Nilofar|Nilufar|Niloufar/نیلوفر; Shabnam|Schabnam/شبنم; ' +
      'Setara|Sitara/ستاره; Tahmina/تهمینه; Zarghuna|Sarghuna/زرغونه; Mursal/مرسل; Madina/مدینه',
    last:
      'Ahmadi/احمدی; Mohammadi|Muhammadi|Mohamadi/محمدی; Hosseini|Husseini|Hussaini|Hoseini/حسینی; ' +
      'Rahimi/رحیمی; Karimi|Karimy/کریمی; Noori|Nuri|Nouri/نوری; Rezaei|Rezai|Resai/رضایی; ' +
      'Jafari|Jafary|Dschafari/جعفری; Haidari|Heydari|Haideri/حیدری; Azizi|Asisi/عزیزی; Amiri/امیری; ' +
      'Nazari|Nasari/نظری; Sultani|Soltani/سلطانی; Hashimi|Hashemi/هاشمی; Sediqi|Siddiqi|Sadiqi/صدیقی; ' +
      'Popal/پوپل; Stanikzai|Stanekzai/ستانکزی; Safi/صافی; Wardak|Wardag/وردک; Ghafoori|Ghafuri/غفوری; ' +
      'Mirzaei|Mirzai/میرزایی; Yousufi|Yusufi|Yousefi/یوسفی; Qaderi|Ghaderi|Kaderi/قادری; Habibi/حبیبی; ' +
      'Sharifi|Scharifi/شریفی; Akbari/اکبری; Samadi/صمدی; Naseri|Nasiri/ناصری; Barakzai/بارکزی; ' +
      'Alizada|Alizadeh/علیزاده; Rasuli|Rasouli/رسولی; Sadat/سادات; Faizi|Feizi/فیضی; Mohseni/محسنی',
  },
  IR: {
    family: 'persian',
    male:
      'Mohammad|Mohammed|Mohamad/محمد; Ali/علی; Reza/رضا; Hossein|Hussein/حسین; Mehdi|Mahdi/مهدی; Amir/امیر; ' +
      'Hamed/حامد; Saeed|Said/سعید; Majid/مجید; Behzad|Bezad/بهزاد; Farhad/فرهاد; Babak/بابک; Arash/آرش; ' +
      'Dariush|Daryoush|Dariusch/داریوش; Kian/کیان; Navid|Nawid/نوید; Pouya|Puya/پویا; Omid/امید; Milad/میلاد; ' +
      'Mohsen/محسن; Morteza/مرتضی; Hamid/حمید; Nima/نیما; Peyman|Payman/پیمان; Vahid|Wahid/وحید; ' +
      'Siamak/سیامک; Kourosh|Kurosch/کوروش; Ehsan/احسان; Javad/جواد',
    female:
      'Fatemeh|Fatima/فاطمه; Zahra/زهرا; Maryam/مریم; Narges/نرگس; Leila|Leyla/لیلا; Sara/سارا; Mina/مینا; ' +
      'Shirin|Schirin/شیرین; Parisa/پریسا; Roya/رویا; Elham/الهام; Mahsa/مهسا; Nasrin/نسرین; Azadeh|Asadeh/آزاده; ' +
      'Samira/سمیرا; Niloofar|Nilufar/نیلوفر; Golnaz/گلناز; Shiva|Schiwa/شیوا; Ziba|Siba/زیبا; Ladan/لادن; ' +
      'Sahar/سحر; Neda/ندا; Mahnaz/مهناز; Fariba/فریبا; Tara/تارا',
    last:
      'Mohammadi|Mohamadi/محمدی; Hosseini|Hoseini/حسینی; Ahmadi/احمدی; Rezaei|Rezai/رضایی; Karimi/کریمی; ' +
      'Moradi/مرادی; Hashemi/هاشمی; Jafari/جعفری; Sadeghi|Sadeqi/صادقی; Rahimi/رحیمی; Ghasemi|Qasemi/قاسمی; ' +
      'Mousavi|Musavi|Moussawi/موسوی; Kazemi|Kasemi/کاظمی; Ebrahimi|Ibrahimi/ابراهیمی; Akbari/اکبری; ' +
      'Najafi|Nadschafi/نجفی; Ranjbar/رنجبر; Amini/امینی; Bagheri|Baqeri/باقری; Asadi|Assadi/اسدی; ' +
      'Farahani/فراهانی; Shahbazi|Schahbasi/شهبازی; Tehrani/تهرانی; Khosravi|Chosrawi/خسروی; Zamani/زمانی',
  },
  ER: {
    patronymic: true,
    male:
      'Tesfay|Tesfai|Tesfaye; Yohannes|Johannes; Dawit|Dawid; Samuel; Daniel; Kidane; Habtom; Mehari; ' +
      'Filmon|Philemon; Biniam|Biniyam; Robel; Amanuel|Emanuel; Michael|Mikael; Tekle|Tekleh; Berhane|Berhan; ' +
      'Goitom; Haile; Mussie|Musie; Abraham; Yemane|Jemane; Kibrom; Medhanie|Medhane; Henok|Henock; Aron; ' +
      'Mebrahtu; Tsegay|Tsegai; Ermias; Teklit; Awet; Semere; Natnael; Efrem|Ephrem; Idris; Osman; Saleh',
    female:
      'Helen; Selam; Senait|Senayt; Yordanos|Jordanos; Freweini|Frewoini; Ruta; Saba; Tsega; Mebrat; Hiwet; ' +
      'Luwam; Eden; Winta; Hanna|Hana; Rahel|Rachel; Tigist; Semhar; Meron; Feven; Abeba; Milen; Lidia|Lydia; ' +
      'Aster; Zufan; Elsa; Mihret; Ruth; Betlehem; Fatma; Amna',
    last:
      'Gebremedhin|Gebremedin|Gebre Medhin; Gebrehiwet|Gebrehiwot; Tesfamariam|Tesfamaryam; ' +
      'Weldemichael|Woldemichael|Weldemikael; Gebreyesus|Ghebreyesus; Habte; Kidane; Tekle; Berhe; Haile; ' +
      'Mehari; Tesfay|Tesfai; Yemane; Andemariam; Kahsay; Ghirmay|Girmay; Asmerom; Abraha; Negash; Tewelde; ' +
      'Zerai|Zeray; Okbamichael; Teklemariam; Hagos; Fesshaye|Fshaye; Weldegiorgis|Woldegiorgis',
  },
  GN: {
    male:
      'Mamadou|Mamadu; Ibrahima; Alpha; Ousmane|Usman|Ousman; Abdoulaye|Abdulaye; Amadou|Amadu; Sekou|Sekouba; ' +
      'Mohamed|Mohammed; Souleymane|Suleymane; Boubacar|Bubacar; Oumar|Umar; Thierno|Tierno; Lamine; Mamady; ' +
      'Aboubacar|Abubakar; Alseny; Fode|Fodé; Moussa|Musa; Saliou|Saliu; Elhadj|El Hadj; Aliou|Aliu; Cherif; ' +
      'Kabinet; Mory; Sidiki',
    female:
      'Fatoumata|Fatumata|Fatimata; Mariama|Mariam; Aissatou|Aissata|Aishatu; Hawa|Haoua; ' +
      'Kadiatou|Kadiatu|Khadiatou; Aminata; Fanta; Djenabou|Jenabu|Dienabou; Oumou|Umu; Binta; Kadidja; ' +
      'Nene|Nènè; Ramatoulaye; Safiatou; Mabinty; Saran; Sira; Hadja; Kadiza',
    last:
      'Diallo|Jallow|Djallo|Jalloh; Barry|Bari; Bah|Ba; Sow; Camara|Kamara; Conde|Condé; Keita|Keïta; ' +
      'Sylla|Silla; Toure|Touré; Traore|Traoré; Soumah|Sumah; Balde|Baldé; Kouyate|Kouyaté; Cisse|Cissé; ' +
      'Kante|Kanté; Doumbouya; Sidibe|Sidibé; Bangoura; Fofana; Sacko|Sako; Kaba; Cherif; Sangare|Sangaré',
  },
  NG: {
    male:
      'Osagie; Efosa; Osaro; Eghosa; Chinedu; Emeka; Oluwaseun|Seun; Tunde; Ibrahim; Musa; Abubakar; ' +
      'Chukwuemeka; Obinna; Uche; Ikenna; Samuel; Daniel; Godwin; Emmanuel|Emanuel; Joseph; Friday; Sunday; ' +
      'Kelvin|Calvin; Victor; Prince; Innocent; Osazee|Osaze; Nosa; Festus',
    female:
      'Blessing; Precious; Joy; Grace; Favour|Favor; Gift; Esther; Mercy; Patience; Peace; Faith; Happiness; ' +
      'Princess; Chioma; Ngozi; Adaeze; Funmilayo|Funmi; Aisha; Amina; Osarugue; Eseosa; Osasu; Itohan; ' +
      'Success; Glory; Omosede; Evelyn',
    last:
      'Osagie; Osaghae; Igbinedion; Omorogbe; Okafor; Okonkwo; Eze; Nwachukwu; Adeyemi; Ogunleye; Ibrahim; ' +
      'Abubakar; Bello; Mohammed; Okoro; Obi; Nwosu; Ogbonna; Adeleke; Afolabi; Edosa; Aigbe; Uwadiae; ' +
      'Idahosa; Osazuwa; Ehigiator; Obasuyi; Ogbeide; Iyamu',
  },
  SO: {
    patronymic: true,
    male:
      'Abdi; Mohamed|Mohammed|Maxamed; Ahmed|Axmed; Abdirahman|Abdirahmaan|Cabdiraxmaan; Hassan|Xasan; ' +
      'Abdullahi|Abdulahi; Ali|Cali; Omar|Cumar; Yusuf|Yussuf; Ibrahim; Ismail; Abdikarim; Abdiaziz; Farah; ' +
      'Hussein; Mahad; Liban; Said; Khalid; Bashir; Jama; Osman|Cismaan; Nur|Nuur; Aden|Aadan; Mukhtar',
    female:
      'Fadumo|Faduma; Hodan; Amina; Asha|Aisha; Khadra; Hawa|Xawa; Sahra|Sahro; Ifrah; Nimo; Ayan; ' +
      'Halima|Xaliimo; Sagal; Hibo; Maryan|Maryam; Ubah; Idil; Filsan; Deeqa|Deka; Nasra; Safiya; Zamzam; ' +
      'Ruqiya; Shukri',
    last:
      'Mohamed|Mohammed; Ahmed; Hassan; Ali; Abdi; Farah; Warsame; Jama; Osman; Nur; Omar; Yusuf; Abdullahi; ' +
      'Hussein; Egal; Aden; Dahir; Elmi; Duale; Gedi; Hirsi; Ibrahim; Ismail; Mohamud',
  },
  TR: {
    family: 'turkish',
    male:
      'Mehmet|Mehmed; Mustafa; Ahmet|Ahmed; Ali; Hüseyin|Hueseyin|Huseyin; Hasan; İbrahim|Ibrahim; Murat; Emre; ' +
      'Yusuf; Ömer|Oemer|Omer; Burak; Serkan; Kemal; Osman; Halil; Süleyman|Sueleyman|Suleyman; Ramazan; ' +
      'Abdullah; Mahmut; Cem; Kadir; Fatih; Yunus; Selim; Erkan; Baran; Rojhat; Welat; Serhat; Zeki; Kerem; ' +
      'Eren; Onur; Tolga; Volkan; Hakan',
    female:
      'Ayşe|Ayse|Aysche; Fatma; Emine; Hatice; Zeynep|Zeinep; Elif; Meryem|Meriem; Şerife|Serife; Sultan; ' +
      'Hanife; Zehra; Özlem|Oezlem|Ozlem; Esra; Büşra|Büsra|Busra; Merve; Derya; Gül|Guel; Leyla|Leila; Rojda; ' +
      'Berfin; Dilan; Songül|Songuel; Hülya|Huelya; Selin; Nur; Kübra|Kuebra; Melek; Gülay; Sevda',
    last:
      'Yılmaz|Yilmaz|Jilmaz; Kaya; Demir; Şahin|Sahin|Schahin; Çelik|Celik; Yıldız|Yildiz; ' +
      'Yıldırım|Yildirim; Öztürk|Oeztuerk|Ozturk; Aydın|Aydin; Özdemir|Oezdemir|Ozdemir; Arslan; ' +
      'Doğan|Dogan; Kılıç|Kilic; Aslan; Çetin|Cetin; Kara; Koç|Koc; Kurt; Özkan|Oezkan; Şimşek|Simsek; ' +
      'Polat; Korkmaz; Erdem; Akbulut; Aktaş|Aktas; Güneş|Guenes|Gunes; Bulut; Tekin; Acar; Ateş|Ates; ' +
      'Kaplan; Tunç|Tunc; Ekinci; Baran; Keskin',
  },
  UA: {
    family: 'ukrainian',
    male:
      'Oleksandr|Olexandr|Alexander/Олександр; Andrii|Andriy|Andrij/Андрій; Serhii|Serhiy|Sergej/Сергій; ' +
      'Dmytro|Dmitro/Дмитро; Mykola|Mikola/Микола; Volodymyr|Wolodymyr/Володимир; Ivan|Iwan/Іван; ' +
      'Yurii|Yuriy|Jurij/Юрій; Vasyl|Wasyl/Василь; Oleh|Oleg/Олег; Maksym|Maxym|Maxim/Максим; ' +
      'Artem|Artjom/Артем; Bohdan|Bogdan/Богдан; Denys|Denis/Денис; Ihor|Igor/Ігор; Mykhailo|Michajlo/Михайло; ' +
      'Taras/Тарас; Roman/Роман; Viktor|Wiktor/Віктор; Yaroslav|Jaroslaw/Ярослав; Pavlo|Pawlo/Павло; ' +
      'Danylo|Danilo/Данило; Matvii|Matwij/Матвій; Nazar/Назар; Tymofii|Timofij/Тимофій; Illia|Ilja/Ілля; ' +
      'Kyrylo|Kirilo/Кирило',
    female:
      'Olena|Elena/Олена; Tetiana|Tetyana|Tatjana/Тетяна; Nataliia|Natalija|Natalia/Наталія; ' +
      'Iryna|Irina/Ірина; Svitlana|Swetlana/Світлана; Oksana/Оксана; Yuliia|Yulia|Julija/Юлія; ' +
      'Kateryna|Katerina/Катерина; Mariia|Marija/Марія; Anastasiia|Anastasija/Анастасія; ' +
      'Viktoriia|Wiktorija/Вікторія; Olha|Olga/Ольга; Liudmyla|Ljudmyla/Людмила; Halyna|Galina/Галина; ' +
      'Valentyna|Walentyna/Валентина; Hanna|Ganna/Ганна; Sofiia|Sofija/Софія; Anna/Анна; Daryna/Дарина; ' +
      'Alina/Аліна; Polina/Поліна; Nadiia|Nadija/Надія; Larysa|Larissa/Лариса; Inna/Інна; Vira|Wira/Віра; ' +
      'Khrystyna|Chrystyna/Христина; Veronika|Weronika/Вероніка; Zlata/Злата; Myroslava/Мирослава',
    last:
      'Kovalenko|Kowalenko/Коваленко; Shevchenko|Schewtschenko/Шевченко; Bondarenko/Бондаренко; ' +
      'Tkachenko|Tkatschenko/Ткаченко; Kravchenko|Krawtschenko/Кравченко; Boiko|Bojko/Бойко; ' +
      'Kovalchuk|Kowaltschuk/Ковальчук; Oliinyk|Olijnyk/Олійник; Shevchuk|Schewtschuk/Шевчук; ' +
      'Polishchuk|Polischtschuk/Поліщук; Lysenko|Lyssenko/Лисенко; Marchenko|Martschenko/Марченко; ' +
      'Moroz/Мороз; Melnyk|Melnik/Мельник; Savchenko|Sawtschenko/Савченко; Rudenko/Руденко; ' +
      'Petrenko/Петренко; Klymenko|Klimenko/Клименко; Pavlenko|Pawlenko/Павленко; ' +
      'Levchenko|Lewtschenko/Левченко; Kharchenko|Chartschenko/Харченко; Savchuk|Sawtschuk/Савчук; ' +
      'Tkachuk|Tkatschuk/Ткачук; Honcharenko|Hontscharenko/Гончаренко; Ponomarenko/Пономаренко; ' +
      'Koval|Kowal/Коваль; Kravets|Krawez/Кравець; Romanenko/Романенко; Yakovenko|Jakowenko/Яковенко; ' +
      'Hrytsenko|Hryzenko/Гриценко',
  },
  DE: {
    male:
      'Thomas; Michael; Andreas; Stefan; Frank; Jürgen|Juergen; Klaus; Peter; Uwe; Dirk; Sven; Marco; Daniel; ' +
      'Kevin; Dennis; Lukas; Jan; Tobias; Wolfgang; Manfred; Detlef; Ralf; Jörg|Joerg',
    female:
      'Sabine; Petra; Andrea; Claudia; Susanne; Nicole; Stefanie; Sandra; Monika; Ursula; Karin; Birgit; Anja; ' +
      'Melanie; Julia; Jessica; Laura; Lena; Marie; Christina; Heike; Gabriele; Renate; Jana',
    last:
      'Müller|Mueller; Schmidt; Schneider; Fischer; Weber; Meyer|Meier; Wagner; Becker; Schulz; Hoffmann; ' +
      'Schäfer|Schaefer; Koch; Bauer; Richter; Klein; Wolf; Schröder|Schroeder; Neumann; Schwarz; ' +
      'Zimmermann; Braun; Krüger|Krueger; Hartmann; Lange; Schmitt; Werner; Krause; Lehmann; Köhler; ' +
      'Kowalski; Nowak; Schulte; Brinkmann; Westermann',
  },
  PL: {
    feminine: [
      [/ski$/, 'ska'],
      [/cki$/, 'cka'],
    ],
    male: 'Piotr; Krzysztof; Tomasz; Paweł|Pawel; Marcin; Michał|Michal; Łukasz|Lukasz; Jakub; Adam; Marek',
    female:
      'Anna; Katarzyna; Agnieszka; Magdalena; Joanna; Monika; Ewa; Małgorzata|Malgorzata; Aleksandra; Karolina',
    last:
      'Nowak; Kowalski; Wiśniewski|Wisniewski; Wójcik|Wojcik; Kamiński|Kaminski; Lewandowski; ' +
      'Zieliński|Zielinski; Szymański|Szymanski; Woźniak|Wozniak; Dąbrowski|Dabrowski',
  },
  RO: {
    male: 'Ion; Andrei; Alexandru; Mihai; Gheorghe; Florin; Marian; Adrian; Constantin; Ionuț|Ionut',
    female: 'Maria; Elena; Ana; Ioana; Andreea; Mihaela; Florentina; Gabriela; Alina; Cristina',
    last:
      'Popescu; Ionescu; Popa; Constantin; Stan; Dumitru; Stoica; Gheorghe; Rusu; Munteanu; Lăcătuș|Lacatus; ' +
      'Căldăraru|Caldararu; Zamfir; Dinu; Radu',
  },
  BG: {
    feminine: [
      [/ov$/, 'ova'],
      [/ev$/, 'eva'],
    ],
    male: 'Georgi; Ivan; Dimitar; Nikolay|Nikolai; Petar; Hristo|Christo; Stoyan|Stojan; Angel; Ahmed; Mehmed',
    female: 'Maria; Ivanka; Elena; Yordanka|Jordanka; Desislava; Gergana; Petya; Fatme; Aysel; Nadezhda',
    last:
      'Ivanov; Georgiev; Dimitrov; Petrov; Nikolov; Hristov; Stoyanov; Todorov; Ahmedov; Mehmedov; ' +
      'Aliev|Aliyev; Yusufov|Jusufow; Asenov; Kostov',
  },
  XK: {
    male: 'Arben; Besnik; Driton; Fatmir; Agron; Bujar; Valon; Arianit; Ilir; Blerim; Shkelzen; Enver',
    female: 'Arta; Blerta; Drita; Fatime; Mimoza; Valbona; Vjosa; Albana; Shqipe; Teuta',
    last: 'Krasniqi; Gashi; Berisha; Morina; Shala; Hoxha; Kryeziu; Bytyqi; Rexhepi; Hasani; Ahmeti; Osmani',
  },
  IT: {
    male: 'Giuseppe; Antonio; Salvatore; Francesco; Giovanni; Luca; Marco',
    female: 'Maria; Anna; Giuseppina; Rosa; Francesca; Giulia',
    last: 'Russo; Esposito; Romano; Colombo; Ricci; Marino; Greco; Bruno; Gallo; Conti',
  },
  GR: {
    feminine: [
      [/os$/, 'ou'],
      [/is$/, 'i'],
    ],
    male: 'Georgios; Dimitrios; Konstantinos; Ioannis; Nikolaos; Christos',
    female: 'Maria; Eleni; Aikaterini; Vasiliki; Sofia; Georgia',
    last: 'Papadopoulos; Papadakis; Georgiou; Dimitriou; Nikolaidis; Konstantinidis; Vlachos',
  },
};

export interface Name {
  /** the most common spelling first */
  spellings: string[];
  script: string | null;
}

export interface NamePool {
  male: Name[];
  female: Name[];
  last: Name[];
  patronymic: boolean;
  feminine: [RegExp, string][];
  family: RawPool['family'];
}

function parse(list: string): Name[] {
  return list
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [latin, script] = entry.split('/');
      return { spellings: latin.split('|').map((s) => s.trim()), script: script?.trim() || null };
    });
}

export const namePools: Record<string, NamePool> = Object.fromEntries(
  Object.entries(raw).map(([code, p]) => [
    code,
    {
      male: parse(p.male),
      female: parse(p.female),
      last: parse(p.last),
      patronymic: p.patronymic ?? false,
      feminine: p.feminine ?? [],
      family: p.family,
    },
  ]),
);

/** Popularity: the n-th name of a pool is drawn about (n+1)^-exponent as often as the first. */
function popularIndex(rng: Rng, n: number, exponent = 0.8): number {
  // inverse-CDF of a continuous power law on [1, n+1]
  const a = 1 - exponent;
  const u = rng.next();
  const x = (1 + u * ((n + 1) ** a - 1)) ** (1 / a);
  return Math.min(n - 1, Math.floor(x) - 1);
}

/** The first spelling most of the time; the others now and then (as different offices wrote them). */
export function spell(rng: Rng, name: Name): string {
  const s = name.spellings;
  if (s.length === 1 || rng.chance(0.62)) return s[0];
  return s[1 + Math.floor(rng.next() * (s.length - 1))];
}

export function drawName(rng: Rng, names: Name[], exponent = 0.8): Name {
  return names[popularIndex(rng, names.length, exponent)];
}

const turkishAscii = (s: string) =>
  s.replace(/[öüşçığİ]/g, (c) => ({ ö: 'o', ü: 'u', ş: 's', ç: 'c', ı: 'i', ğ: 'g', İ: 'I' })[c] ?? c);
const turkishGerman = (s: string) =>
  s.replace(/[öüşçığİ]/g, (c) => ({ ö: 'oe', ü: 'ue', ş: 'sch', ç: 'tsch', ı: 'i', ğ: 'g', İ: 'I' })[c] ?? c);
const turkishParts = {
  first: [
    'Ak',
    'Kara',
    'Öz',
    'Er',
    'Gül',
    'Ay',
    'Demir',
    'Taş',
    'Tan',
    'Yıldız',
    'Can',
    'Uçar',
    'Bay',
    'Kaya',
  ],
  second: [
    'kaya',
    'taş',
    'soy',
    'can',
    'demir',
    'türk',
    'han',
    'er',
    'oğlu',
    'bulut',
    'yol',
    'el',
    'güneş',
    'dağ',
  ],
};

/** Ukrainian family names from stems and endings, with the English and the German transliteration. */
const ukrainianStems: [string, string, string][] = [
  ['Koval', 'Kowal', 'Коваль'],
  ['Bondar', 'Bondar', 'Бондар'],
  ['Tkach', 'Tkatsch', 'Ткач'],
  ['Kravch', 'Krawtsch', 'Кравч'],
  ['Lys', 'Lyss', 'Лис'],
  ['Sav', 'Saw', 'Сав'],
  ['Rud', 'Rud', 'Руд'],
  ['Petr', 'Petr', 'Петр'],
  ['Pavl', 'Pawl', 'Павл'],
  ['Lev', 'Lew', 'Лев'],
  ['Kharch', 'Chartsch', 'Харч'],
  ['Honchar', 'Hontschar', 'Гончар'],
  ['Ponomar', 'Ponomar', 'Пономар'],
  ['Roman', 'Roman', 'Роман'],
  ['Yakov', 'Jakow', 'Яков'],
  ['Hryts', 'Hryz', 'Гриц'],
  ['Melnych', 'Melnytsch', 'Мельнич'],
  ['Ivan', 'Iwan', 'Іван'],
  ['Vasyl', 'Wasyl', 'Василь'],
  ['Fed', 'Fed', 'Федь'],
  ['Kuz', 'Kus', 'Кузь'],
  ['Sydor', 'Sydor', 'Сидор'],
  ['Prokop', 'Prokop', 'Прокоп'],
  ['Hordi', 'Hordi', 'Горді'],
  ['Ostap', 'Ostap', 'Остап'],
  ['Zaruts', 'Sarutz', 'Заруц'],
];
/** endings: -enko for every stem, -uk after stems in -ch, else -chuk or -yshyn */
const ukrainianEndings: [string, string, string][] = [
  ['enko', 'enko', 'енко'],
  ['uk', 'uk', 'ук'],
  ['chuk', 'tschuk', 'чук'],
  ['yshyn', 'yschyn', 'ишин'],
];

/**
 * A family name: one of the listed names (less concentrated than first names), or one formed the way
 * such names are formed — Arabic names from a forefather's name (Khalil, Al-Khalil), Dari and Persian
 * names with -i or -zada (Hamidi, Rahimzada), Turkish compounds (Karakaya), Ukrainian stems with
 * -enko/-uk/-chuk. This gives the thousands of different family names real files have.
 */
export function drawFamilyName(rng: Rng, pool: NamePool): Name {
  const listed = () => drawName(rng, pool.last, 0.5);
  const x = rng.next();
  const forefather = (names: Name[]) => {
    const n = drawName(rng, names, 0.4);
    return n.spellings[0].includes(' ') || /ullah$/.test(n.spellings[0]) ? null : n;
  };
  switch (pool.family) {
    case 'arabic': {
      if (x < 0.5) return listed();
      const n = forefather(pool.male.filter((m) => classicArabic.has(m.spellings[0])));
      if (!n) return listed();
      if (x < 0.75) return n;
      const base = n.spellings[0];
      return {
        spellings: [`Al-${base}`, `Al${base.toLowerCase()}`, `El ${base}`],
        script: n.script ? `ال${n.script}` : null,
      };
    }
    case 'dari':
    case 'persian': {
      if (x < 0.45) return listed();
      const n = forefather(pool.male);
      if (!n) return listed();
      const base = n.spellings[0];
      if (x < 0.85 && /[^aiyeou]$/i.test(base)) {
        return { spellings: [`${base}i`], script: n.script ? `${n.script}ی` : null };
      }
      const zada = pool.family === 'dari' ? ['zada', 'zadeh'] : ['zadeh', 'zade'];
      return { spellings: zada.map((z) => `${base}${z}`), script: n.script ? `${n.script}زاده` : null };
    }
    case 'turkish': {
      if (x < 0.55) return listed();
      const first = rng.pick(turkishParts.first);
      const second = rng.pick(turkishParts.second.filter((s) => s !== first.toLowerCase()));
      const name = first + second;
      return { spellings: [...new Set([name, turkishAscii(name), turkishGerman(name)])], script: null };
    }
    case 'ukrainian': {
      if (x < 0.5) return listed();
      const [en, de, cyr] = rng.pick(ukrainianStems);
      const endings = en.endsWith('ch')
        ? ukrainianEndings.slice(0, 2)
        : ukrainianEndings.slice(0, 1).concat(ukrainianEndings.slice(2));
      const [e1, e2, e3] = rng.pick(endings);
      return { spellings: [...new Set([en + e1, de + e2])], script: cyr + e3 };
    }
    default:
      return listed();
  }
}

/** Forefathers' names that are common as (Al-)family names */
const classicArabic = new Set([
  'Mohammed',
  'Ahmad',
  'Ahmed',
  'Ali',
  'Omar',
  'Khaled',
  'Hassan',
  'Mahmoud',
  'Mustafa',
  'Ibrahim',
  'Yusuf',
  'Abdullah',
  'Hussein',
  'Saleh',
  'Qasim',
  'Issa',
  'Suleiman',
  'Hamza',
  'Khalil',
  'Abbas',
]);

export function feminize(pool: NamePool, lastName: string): string {
  for (const [pattern, replacement] of pool.feminine) {
    if (pattern.test(lastName)) return lastName.replace(pattern, replacement);
  }
  return lastName;
}

const variantIndex = new Map<string, string[]>();
for (const pool of Object.values(namePools)) {
  for (const name of [...pool.male, ...pool.female, ...pool.last]) {
    for (const s of name.spellings) {
      const known = variantIndex.get(s) ?? [];
      variantIndex.set(s, [...new Set([...known, ...name.spellings])]);
    }
  }
}

/** Other spellings of the same name (for benchmarks and tests of the duplicate search). */
export function spellingVariants(name: string): string[] {
  return (variantIndex.get(name) ?? []).filter((s) => s !== name);
}
